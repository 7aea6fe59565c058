# time.gmtime and time.strftime on fixed timestamps (UTC, so no time-zone dependence).
import time
lt = time.gmtime(0)
print(lt.tm_year, lt.tm_mon, lt.tm_mday, lt.tm_hour, lt.tm_min, lt.tm_sec, lt.tm_wday, lt.tm_yday, tuple(lt)[:6])
print(time.gmtime(86400 * 365).tm_year, time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(1700000000)))
print(time.strftime("%a %b %d %j", time.gmtime(951782400)), time.gmtime(951782400)[:3])
