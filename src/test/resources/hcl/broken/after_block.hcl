blk {} x = 1
