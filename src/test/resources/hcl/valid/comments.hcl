# hash comment
// slash comment
/* block
   comment */
a = 1 # trailing
b = 2 // trailing
c = /* inline */ 3
d = [
  1, # one
  2, // two
  /* three */ 3,
]
block {
  # inside
  x = 1 /* after */
}
