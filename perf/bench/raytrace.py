"""Float-heavy OO: a small ray tracer (spheres, a plane, diffuse + specular light, reflections)."""
import sys
import math


class Vec(object):
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def norm(self):
        return self * (1.0 / math.sqrt(self.dot(self)))


class Sphere(object):
    def __init__(self, center, radius, color, reflect):
        self.center = center
        self.radius = radius
        self.color = color
        self.reflect = reflect

    def intersect(self, origin, direction):
        oc = origin - self.center
        b = oc.dot(direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0:
            return None
        sq = math.sqrt(disc)
        t = -b - sq
        if t > 1e-4:
            return t
        t = -b + sq
        if t > 1e-4:
            return t
        return None

    def normal(self, p):
        return (p - self.center).norm()


class Plane(object):
    def __init__(self, y, color, reflect):
        self.y = y
        self.color = color
        self.reflect = reflect

    def intersect(self, origin, direction):
        if abs(direction.y) < 1e-9:
            return None
        t = (self.y - origin.y) / direction.y
        return t if t > 1e-4 else None

    def normal(self, p):
        return Vec(0.0, 1.0, 0.0)


class Scene(object):
    def __init__(self):
        self.objects = [
            Sphere(Vec(0.0, 1.0, 5.0), 1.0, Vec(0.9, 0.2, 0.2), 0.3),
            Sphere(Vec(-2.0, 0.7, 6.0), 0.7, Vec(0.2, 0.9, 0.2), 0.2),
            Sphere(Vec(2.0, 0.5, 4.5), 0.5, Vec(0.2, 0.2, 0.9), 0.5),
            Plane(0.0, Vec(0.8, 0.8, 0.8), 0.1),
        ]
        self.light = Vec(-5.0, 8.0, -2.0)

    def trace(self, origin, direction, depth):
        best_t = 1e30
        best = None
        for obj in self.objects:
            t = obj.intersect(origin, direction)
            if t is not None and t < best_t:
                best_t = t
                best = obj
        if best is None:
            return Vec(0.1, 0.1, 0.2)
        p = origin + direction * best_t
        n = best.normal(p)
        to_light = (self.light - p).norm()
        shadow = False
        for obj in self.objects:
            t = obj.intersect(p, to_light)
            if t is not None:
                shadow = True
                break
        diffuse = max(0.0, n.dot(to_light)) * (0.3 if shadow else 1.0)
        color = best.color * (0.1 + 0.9 * diffuse)
        if not shadow:
            h = (to_light - direction).norm()
            spec = max(0.0, n.dot(h)) ** 32
            color = color + Vec(spec, spec, spec)
        if depth < 2 and best.reflect > 0:
            r = direction - n * (2 * direction.dot(n))
            color = color * (1 - best.reflect) + self.trace(p, r.norm(), depth + 1) * best.reflect
        return color


def render(w, h):
    scene = Scene()
    eye = Vec(0.0, 1.2, 0.0)
    total = 0
    rows = []
    for j in range(h):
        row = 0
        for i in range(w):
            x = (i - w / 2.0) / h
            y = (h / 2.0 - j) / h
            c = scene.trace(eye, Vec(x, y, 1.0).norm(), 0)
            r = min(255, int(c.x * 255))
            g = min(255, int(c.y * 255))
            b = min(255, int(c.z * 255))
            total += r + g + b
            row = (row * 31 + r * 7 + g * 3 + b) % 1000003
        rows.append(row)
    return total, rows


def main():
    scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    side = max(16, int(280 * scale ** 0.5))
    total, rows = render(side, side * 3 // 4)
    print("checksum: %d %d %d" % (side, total, sum(rows) % 1000003))


main()
