a = 1
name "x"
b 2
