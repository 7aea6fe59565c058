# Order processing: products, stock, discounts, orders that fail validation, and a formatted report.
class OutOfStock(Exception):
    def __init__(self, sku, wanted, have):
        super().__init__("%s: wanted %d, only %d in stock" % (sku, wanted, have))
        self.sku = sku
class UnknownProduct(KeyError):
    pass
class Product:
    def __init__(self, sku, name, price_cents, stock):
        self.sku, self.name, self.price, self.stock = sku, name, price_cents, stock
    def __repr__(self):
        return "Product(%s, %d left)" % (self.sku, self.stock)
class Catalog:
    def __init__(self, products):
        self.products = {p.sku: p for p in products}
    def __getitem__(self, sku):
        try:
            return self.products[sku]
        except KeyError:
            raise UnknownProduct(sku) from None
def discount(total, lines):
    if total >= 100_00:
        return total // 10
    if sum(q for _, q in lines) >= 5:
        return min(5_00, total // 10)
    return 0
def place(catalog, order_id, lines):
    reserved = []
    try:
        total = 0
        for sku, qty in lines:
            p = catalog[sku]
            if qty > p.stock:
                raise OutOfStock(sku, qty, p.stock)
            p.stock -= qty
            reserved.append((p, qty))
            total += p.price * qty
        d = discount(total, lines)
        return {"id": order_id, "total": total, "discount": d, "due": total - d, "lines": len(lines)}
    except (OutOfStock, UnknownProduct):
        for p, qty in reserved:
            p.stock += qty
        raise
cat = Catalog([Product("A1", "widget", 2_50, 40), Product("B2", "gadget", 19_99, 5), Product("C3", "doohickey", 120_00, 2), Product("D4", "gizmo", 75, 100)])
orders = [("o1", [("A1", 4), ("D4", 10)]), ("o2", [("B2", 3), ("C3", 1)]), ("o3", [("B2", 3)]), ("o4", [("Z9", 1)]),
          ("o5", [("A1", 2), ("B2", 2), ("C3", 2)]), ("o6", [("D4", 5)]), ("o7", [("C3", 1), ("A1", 36)])]
done, failed = [], []
for oid, lines in orders:
    try:
        done.append(place(cat, oid, lines))
    except OutOfStock as e:
        failed.append((oid, "OutOfStock", str(e)))
    except KeyError as e:
        failed.append((oid, type(e).__name__, str(e)))
def money(c):
    return "{:>10}".format("{:,}.{:02d}".format(c // 100, c % 100))
print("%-4s %5s %10s %10s %10s" % ("id", "lines", "total", "discount", "due"))
for o in done:
    print("%-4s %5d %s %s %s" % (o["id"], o["lines"], money(o["total"]), money(o["discount"]), money(o["due"])))
print("sum  %5s %s %s %s" % ("", money(sum(o["total"] for o in done)), money(sum(o["discount"] for o in done)), money(sum(o["due"] for o in done))))
for f in failed:
    print("failed:", *f)
print(sorted(cat.products.values(), key=lambda p: p.sku))
print(f"{'stock value':<12}{sum(p.price * p.stock for p in cat.products.values()) / 100:>12,.2f}")
