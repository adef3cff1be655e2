x = f"{x \n}"
