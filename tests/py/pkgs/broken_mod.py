print("broken_mod starts")
value = 1
raise ValueError("broken_mod fails during import")
