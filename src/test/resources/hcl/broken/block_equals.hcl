blk = {
}
other "x" = {}
