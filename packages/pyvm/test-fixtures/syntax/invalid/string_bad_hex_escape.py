s = '\x4g'
