block "l1" "l2" {
  x = 1
  inner {
    y = 2
  }
  inner {
    y = 3
  }
}
block "l1" "l3" {
}
other {}
/* c */ // d
# e
lbl l1 {}
