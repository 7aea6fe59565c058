# Date arithmetic by hand: leap years, day of week (Zeller), day counts, and a printed month calendar.
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
DAYS = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
def is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
def month_days(y, m):
    return [31, 29 if is_leap(y) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
def weekday(y, m, d):
    if m < 3:
        m += 12
        y -= 1
    k, j = y % 100, y // 100
    h = (d + 13 * (m + 1) // 5 + k + k // 4 + j // 4 + 5 * j) % 7
    return (h + 5) % 7
def day_number(y, m, d):
    y2 = y - 1
    days = y2 * 365 + y2 // 4 - y2 // 100 + y2 // 400
    days += sum(month_days(y, mm) for mm in range(1, m))
    return days + d
def calendar(y, m):
    lines = [("%s %d" % (MONTHS[m - 1], y)).center(20).rstrip(), " ".join(DAYS)]
    first = weekday(y, m, 1)
    cells = ["  "] * first + ["%2d" % d for d in range(1, month_days(y, m) + 1)]
    for i in range(0, len(cells), 7):
        lines.append(" ".join(cells[i:i + 7]).rstrip())
    return "\n".join(lines)
print([y for y in range(1896, 1912) if is_leap(y)], is_leap(2000), is_leap(2100), is_leap(2024))
for date in [(2000, 1, 1), (1969, 7, 20), (2024, 2, 29), (1900, 3, 1), (2038, 1, 19)]:
    print(date, DAYS[weekday(*date)], day_number(*date))
print(day_number(2024, 12, 25) - day_number(2024, 1, 1), day_number(2001, 1, 1) - day_number(1901, 1, 1))
print(calendar(2024, 2))
print(calendar(1969, 7))
fridays13 = [(y, m) for y in range(2020, 2027) for m in range(1, 13) if weekday(y, m, 13) == 4]
print(len(fridays13), fridays13[:6])
