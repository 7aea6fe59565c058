class Shape:
    def describe(self):
        return "%s(area=%r) from %s" % (type(self).__name__, self.area(), __name__)
