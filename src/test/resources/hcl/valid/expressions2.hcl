cond_tpl   = "x${a ? b : c}y"
cond_lit   = "x${a ? "yes" : "no"}y"
num_part   = "n=${1.50} b=${true} n=${null}"
tuple_part = "t=${[1, 2]}"
unary_part = "u=${-1}"
neg_float  = -1.5
not_false  = !false
paren_key  = { (var.k) = 1, "${var.j}" = 2, a.b[0] = 3, f(x) = 4, 1.5 = 5, true = 6 }
index      = a[var.i]
index_lit  = a["k"].b
splat      = a.*.b
splat2     = a[*].b.c
legacy     = a.0.b
call_ns    = provider::time::rfc3339_parse("x")
for_obj    = { for k, v in m : k => v... if v != null }
for_tuple  = [for i, v in l : "${i}=${v}"]
ops        = 1 + 2 - 3 * 4 / 5 % 6 == 7 != 8 && true || !false
cmp        = a < b && c <= d && e > f && g >= h
nested     = { a = { b = [1, { c = "d" }] } }
multiline  = {
  a = 1
  b = 2,
  c = 3
}
expand     = f([1, 2]...)
colon_obj  = { a: 1, b: 2 }
tpl_if     = "%{ if a ~}  yes  %{~ else ~}  no  %{~ endif }"
tpl_for    = <<EOT
%{ for x in xs ~}
- ${x}
%{ endfor ~}
EOT
strip      = "a  ${~ b ~}  c"
strip2     = "a  %{~ if c }x%{ endif ~}  d"
parens     = (1 + 2) * 3
double_tpl = "${"${a}"}"
wrap_num   = "${42}"
wrap_tuple = "${[1]}"
trailing   = [1, 2, ]
obj_trail  = { a = 1, }
empty_call = f()
ident-dash = 1
_under     = 2
cond_paren = "x${(a) ? b : (c)}"
call_close = f(a)
num_exp    = [1e3, 1E-2, 1.5e+2, 007]
nested_call = f(g(h(1)), (2), [k(3)])
trailing_arg = f(1, )
