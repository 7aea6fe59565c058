# time.gmtime and time.strftime on fixed timestamps (UTC, so no time-zone dependence).
import time
lt = time.gmtime(0)
print(lt.tm_year, lt.tm_mon, lt.tm_mday, lt.tm_hour, lt.tm_min, lt.tm_sec, lt.tm_wday, lt.tm_yday, tuple(lt)[:6])
print(time.gmtime(86400 * 365).tm_year, time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(1700000000)))
print(time.strftime("%a %b %d %j", time.gmtime(951782400)), time.gmtime(951782400)[:3])
# %z/%Z of a struct_time come from its tm_gmtoff/tm_zone (a plain tuple has none: +0000, and the zone
# name of tm_isdst); localtime() is checked against its own tm_gmtoff only (the machine's TZ is unknown).
print(time.strftime("%z %Z", time.gmtime(1700000000)), time.gmtime(0).tm_gmtoff, time.gmtime(0).tm_zone)
print(time.strftime("%z|", (2024, 1, 1, 0, 0, 0, 0, 1, 0)))
for t in (0, 1700000000, 1720000000):
    lt = time.localtime(t)
    off = lt.tm_gmtoff
    sign = '-' if off < 0 else '+'
    expect = '%s%02d%02d' % (sign, abs(off) // 3600, abs(off) // 60 % 60)
    print(time.strftime('%z', lt) == expect, time.strftime('%Z', lt) == lt.tm_zone)
# strptime (the parsing rules are tested with datetime.strptime in mod_datetime_strptime)
st = time.strptime("2024-02-29 13:45", "%Y-%m-%d %H:%M")
print(tuple(st), st.tm_yday, st.tm_wday)
