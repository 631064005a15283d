// attribution — work in progress
print("todo")
