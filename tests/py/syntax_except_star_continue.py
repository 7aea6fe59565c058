for x in range(3):
    try:
        pass
    except* ValueError:
        if x:
            continue
