// sentiment — work in progress
print("todo")
