a = 1
b = "x${var.y}z"
c = "lit $${x} %%{y} \n\t\"q\" \u00e9"
d = [1, 2.50, true, null, "s", var.x, f(1, 2)]
e = { k = 1, "q k" = 2, (var.z) = 3, a.b = 4, 5 = 6, null = 7 }
f = (1)
g = -1
h = !true
i = -var.x
j = a.b[0].c
k = a ? b : c
l = [for x in y : x if x]
m = <<EOF
hello ${x}
  $${y}
EOF
n = <<-EOT
    one
      two
    EOT
o = 1e3
p = 12345678901234567890
q = ""
r = "%{if a}yes%{else}no%{endif}"
s = "%{for k, v in m}${k}=${v} %{endfor}"
t = 1 + 2 * 3
u = a[*].b
v = "${~ x ~}  y"
w = 0.1
x2 = f(a...)
x3 = "$${"
x4 = "a$$b%%c$"
x5 = "${"a"}"
x6 = {}
x7 = []
