left = [x for 1 x in rest if x < pivot]
