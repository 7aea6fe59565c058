# pwd / grp: lookups by id and name, struct fields, getpwall/getgrall consistency, KeyError messages.
import grp
import os
import pwd

root = pwd.getpwuid(0)
print(repr(root))
print(root.pw_name, root.pw_uid, root.pw_gid, root.pw_dir, root[0], root[-1] == root.pw_shell, len(root))
print(type(root).__name__, type(root).__module__, root.n_fields, isinstance(root, tuple), root[2:4])
print(pwd.getpwnam('root') == root, pwd.getpwnam(root.pw_name).pw_uid)
me = pwd.getpwuid(os.getuid())
print(me.pw_uid == os.getuid(), pwd.getpwnam(me.pw_name) == me)
allp = pwd.getpwall()
print(root in allp, all(isinstance(p, pwd.struct_passwd) for p in allp),
      all(pwd.getpwnam(p.pw_name).pw_name == p.pw_name for p in allp[:5]))
g0 = grp.getgrgid(0)
print(repr(g0), g0.gr_name, g0.gr_gid, type(g0.gr_mem).__name__, len(g0))
print(grp.getgrnam(g0.gr_name) == g0, g0 in grp.getgrall())
print(grp.getgrgid(root.pw_gid).gr_gid == root.pw_gid, grp.getgrgid(True).gr_gid)
print(pwd.struct_passwd(('a', 'b', 1, 2, 'c', 'd', 'e')), tuple(pwd.struct_passwd('abcdefg')))
for f in [lambda: pwd.getpwuid(99999), lambda: pwd.getpwnam('no_such_user_x'), lambda: pwd.getpwuid(-1),
          lambda: pwd.getpwuid(-2), lambda: pwd.getpwuid(2**40), lambda: pwd.getpwuid('x'),
          lambda: pwd.getpwuid(1.5), lambda: pwd.getpwnam(3), lambda: pwd.getpwnam('a\0b'),
          lambda: grp.getgrgid(99999), lambda: grp.getgrnam('no_such_group_x'), lambda: grp.getgrgid('x'),
          lambda: grp.getgrnam(1), lambda: pwd.struct_passwd((1, 2)), lambda: grp.struct_group('abc')]:
    try:
        print('ok', f())
    except Exception as e:
        print(type(e).__name__, e)
