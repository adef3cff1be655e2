if x:
	y = 1
	if z:
		w = 2
	else:
		w = 3
else:
	pass
