# KeyError's message in a traceback is the repr of the key.
config = {"host": "localhost", "port": 8080}
for key in ["host", "port", "user"]:
    print(key, config[key])
