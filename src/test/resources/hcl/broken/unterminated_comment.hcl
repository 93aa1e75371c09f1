a = 1 /* no end
