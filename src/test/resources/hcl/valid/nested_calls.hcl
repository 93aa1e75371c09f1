variable "cidr" {
  default = null
  validation {
    condition     = var.cidr == null || can(cidrnetmask(var.cidr))
    error_message = "an IPv4 CIDR"
  }
}

a = f(g(x))
b = f(g(h(x)), y)
c = f(g(x), )
d = f(
  g(x),
  h(y)
)
e = upper(lower(join("-", split("/", "a/b"))))
