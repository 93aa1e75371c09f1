blk "${x}" {}
