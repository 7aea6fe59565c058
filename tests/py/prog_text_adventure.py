# A text adventure as a state machine driven by a scripted list of commands.
ROOMS = {
    "hall": {"desc": "a dusty hall", "exits": {"north": "library", "east": "kitchen"}, "items": ["lamp"]},
    "library": {"desc": "a silent library", "exits": {"south": "hall", "up": "attic"}, "items": ["book"], "dark": True},
    "kitchen": {"desc": "a cold kitchen", "exits": {"west": "hall", "down": "cellar"}, "items": ["knife", "bread"]},
    "cellar": {"desc": "a damp cellar", "exits": {"up": "kitchen"}, "items": ["key"], "locked": True},
    "attic": {"desc": "a cramped attic", "exits": {"down": "library"}, "items": ["treasure"]},
}
class Game:
    def __init__(self):
        self.room = "hall"
        self.inventory = []
        self.state = "playing"
        self.moves = 0
        self.score = 0
        self.unlocked = set()
    def say(self, msg):
        print("  " + msg)
    def look(self):
        r = ROOMS[self.room]
        if r.get("dark") and "lamp" not in self.inventory:
            self.say("It is pitch dark.")
            return
        items = ", ".join(r["items"]) or "nothing"
        self.say("You are in %s. Exits: %s. You see: %s." % (r["desc"], ", ".join(sorted(r["exits"])), items))
    def go(self, direction):
        r = ROOMS[self.room]
        if direction not in r["exits"]:
            self.say("You can't go %s." % direction)
            return
        target = r["exits"][direction]
        if ROOMS[target].get("locked") and target not in self.unlocked:
            if "key" in self.inventory or "knife" in self.inventory:
                self.unlocked.add(target)
                self.say("You pry the door open.")
            else:
                self.say("The way %s is locked." % direction)
                return
        self.room = target
        self.moves += 1
        self.look()
    def take(self, item):
        r = ROOMS[self.room]
        if r.get("dark") and "lamp" not in self.inventory:
            self.say("You fumble in the dark.")
        elif item in r["items"]:
            r["items"].remove(item)
            self.inventory.append(item)
            self.score += 10 if item != "treasure" else 100
            self.say("Taken: %s." % item)
            if item == "treasure":
                self.state = "won"
        else:
            self.say("There is no %s here." % item)
    def drop(self, item):
        if item in self.inventory:
            self.inventory.remove(item)
            ROOMS[self.room]["items"].append(item)
            self.say("Dropped %s." % item)
        else:
            self.say("You don't have %s." % item)
    def handle(self, line):
        words = line.lower().split()
        if not words:
            return
        verb, rest = words[0], words[1:]
        if verb in ("n", "s", "e", "w", "u", "d"):
            verb, rest = "go", [{"n": "north", "s": "south", "e": "east", "w": "west", "u": "up", "d": "down"}[verb]]
        handlers = {"look": lambda: self.look(), "go": lambda: self.go(rest[0]) if rest else self.say("Go where?"),
                    "take": lambda: self.take(rest[0]) if rest else self.say("Take what?"),
                    "drop": lambda: self.drop(rest[0]) if rest else self.say("Drop what?"),
                    "inventory": lambda: self.say("You carry: %s." % (", ".join(sorted(self.inventory)) or "nothing")),
                    "quit": lambda: setattr(self, "state", "quit")}
        handlers.get(verb, lambda: self.say("I don't understand %r." % verb))()
SCRIPT = ["look", "n", "take book", "s", "take lamp", "inventory", "go north", "take book", "dance", "go", "s", "e", "d",
          "take knife", "take bread", "d", "look", "take key", "u", "w", "drop bread", "drop bread", "n", "u", "inventory",
          "take treasure", "look"]
game = Game()
for cmd in SCRIPT:
    if game.state != "playing":
        break
    print("> " + cmd)
    game.handle(cmd)
print("state:", game.state, "moves:", game.moves, "score:", game.score, "inventory:", sorted(game.inventory))
print({k: v["items"] for k, v in ROOMS.items()})
