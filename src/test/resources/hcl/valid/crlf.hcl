a = 1
b = <<EOT
x
EOT
c { d = 2 }
# c
