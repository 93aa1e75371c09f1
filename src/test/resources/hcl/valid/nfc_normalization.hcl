# Literal text comes out in Unicode NFC (e + U+0301 becomes U+00E9); block labels and expression source do not.
v = "é"
w = "x${y}é"
b "é" {}
k = { "é" = 1 }
h = <<EOT
é
EOT
l = ["é"]
u = upper("é")
