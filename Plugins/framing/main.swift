// framing — work in progress
print("todo")
