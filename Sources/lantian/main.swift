import Web
import ArgumentParser
print("hi")
