a = "x\
y"
