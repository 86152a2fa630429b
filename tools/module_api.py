#!/usr/bin/env python3
"""What each Carepath module offers and who uses it (issue 9, item 2).

For every module (a package directly under dk.carepath) it lists the public top-level types of the
module's base package and, for each, who names it from outside that Java package:
  main:<module>   main code of another module (the only use that makes a type part of the module's API)
  sub:<package>   main code of the module's own sub-package (needs public in Java, not module API)
  test:<package>  test code in another package (needs public in Java; not a module use)
  res:<file>      a model, rule, form or template naming the class (dk.carepath.x.T, Thymeleaf T(...))
  bean:<file>     a BPMN/DMN expression naming the bean (${name...}); the engine calls it by reflection,
                  so the class and its methods stay public
A type counts as used when another package names it by its fully qualified name (imports, static imports,
qualified uses: this catches compile-time constants, which leave no trace in bytecode) or when the compiled
classes depend on it (jdeps over target/classes and target/test-classes: a type only reached through a
method's result, never named), or when they call a method whose generic signature names it (javap: jdeps
sees only the erased descriptor, so a List<KitEventView> handed on to a template would be missed).
Compile first (./mvnw -B -o -q test-compile).
Usage: tools/module_api.py [--summary] [module...]
"""
import os, re, subprocess, sys
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MAIN = os.path.join(ROOT, 'src/main/java/dk/carepath')
TEST = os.path.join(ROOT, 'src/test/java/dk/carepath')
RES_DIRS = [os.path.join(ROOT, d) for d in ('processes', 'rules', 'forms', 'src/main/resources')]
PUBLIC_TOP = re.compile(r'^public\s+(?:(?:abstract|final|sealed|non-sealed|static|strictfp)\s+)*'
                        r'(?:class|interface|enum|record|@interface)\s+(\w+)', re.M)
BEAN_NAME = re.compile(r'@(?:Component|Service|Repository|Controller|RestController)\(\s*(?:value\s*=\s*)?"(\w+)"')


def java_files(base):
    for d, _, fs in os.walk(base):
        for f in fs:
            if f.endswith('.java'):
                yield os.path.join(d, f)


def package_of(path, base):
    rel = os.path.relpath(os.path.dirname(path), base)
    return 'dk.carepath' if rel == '.' else 'dk.carepath.' + rel.replace(os.sep, '.')


def read(p):
    with open(p, encoding='utf-8', errors='replace') as f:
        return f.read()


def bytecode_users(classes):
    """{top-level type: {package of a class depending on it}} from jdeps, nested classes folded into their top."""
    users = defaultdict(set)
    if not os.path.isdir(classes):
        sys.exit(f'{classes} missing: compile first')
    out = subprocess.run(['jdeps', '-verbose:class', '-filter:none', '-include', 'dk\\.carepath\\..*', classes],
                         capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        m = re.match(r'\s+(dk\.carepath\.[\w.$]+)\s+->\s+(dk\.carepath\.[\w.$]+)', line)
        if m:
            src, dst = (x.split('$')[0] for x in m.groups())
            users[dst].add(src.rsplit('.', 1)[0])
    return users


def generic_users(classes):
    """{top-level type: {package calling a method whose generic signature names the type}} from javap."""
    files = [os.path.join(d, f) for d, _, fs in os.walk(classes) for f in fs if f.endswith('.class')]
    out = subprocess.run(['javap', '-v', '-p', '-c'] + files, capture_output=True, text=True, check=True).stdout
    named = defaultdict(set)   # (owner, name, descriptor) -> dk.carepath types in its generic header
    calls = defaultdict(set)   # (owner, name, descriptor) -> packages of callers
    current, previous = None, ''
    for line in out.splitlines():
        if line.startswith('Classfile '):
            current = os.path.relpath(line.split(' ', 1)[1], classes)[:-len('.class')].replace(os.sep, '.')
            continue
        d = re.match(r'    descriptor: (\(.*)', line)
        if d and current:
            head = re.search(r'([\w$<>]+)\(', previous)
            if head:
                name = head.group(1)
                name = '<init>' if name == current.rsplit('.', 1)[1].split('$')[-1] or '.' in name else name
                for t in re.findall(r'dk\.carepath\.[\w.$]+', previous.split('(')[0] + previous[previous.find('('):]):
                    named[(current, name, d.group(1))].add(t.split('$')[0])
        c = re.search(r'// (?:Interface)?Method (dk/carepath/[\w/$]+)\.([\w$<>"]+):(\(\S*)', line)
        if c and current:
            calls[(c.group(1).replace('/', '.'), c.group(2).strip('"'), c.group(3))].add(current.split('$')[0].rsplit('.', 1)[0])
        if line.strip():
            previous = line
    users = defaultdict(set)
    for key, pkgs in calls.items():
        for t in named.get(key, ()):
            users[t] |= pkgs
    return users


def main(argv):
    summary = '--summary' in argv
    only = [a for a in argv if not a.startswith('--')]
    modules = sorted(d for d in os.listdir(MAIN) if os.path.isdir(os.path.join(MAIN, d)))
    main_src = {p: (package_of(p, MAIN), read(p)) for p in java_files(MAIN)}
    test_src = {p: (package_of(p, TEST), read(p)) for p in java_files(TEST)}
    res_src = {}
    for d in RES_DIRS:
        for dd, _, fs in os.walk(d):
            for f in fs:
                if f.endswith(('.bpmn', '.dmn', '.drl', '.form', '.html', '.yaml', '.yml', '.properties')):
                    p = os.path.join(dd, f)
                    res_src[p] = read(p)
    expr_names = defaultdict(set)  # bean name -> files naming it in ${...} / #{...}
    for p, text in res_src.items():
        if p.endswith(('.bpmn', '.dmn')):
            for n in re.findall(r'[$#]\{\s*(\w+)', text):
                expr_names[n].add(os.path.relpath(p, ROOT))
    main_bc = bytecode_users(os.path.join(ROOT, 'target/classes'))
    test_bc = bytecode_users(os.path.join(ROOT, 'target/test-classes'))
    for t, pkgs in generic_users(os.path.join(ROOT, 'target/classes')).items():
        main_bc[t] |= pkgs
    rows = []
    for m in modules:
        if only and m not in only:
            continue
        pkg = 'dk.carepath.' + m
        types = []
        for p, (ppkg, text) in main_src.items():
            if ppkg == pkg:
                for t in PUBLIC_TOP.findall(text):
                    bean = BEAN_NAME.search(text)
                    types.append((t, bean.group(1) if bean else t[0].lower() + t[1:]))
        used_by_modules = 0
        lines = []
        for t, bean in sorted(types):
            ref = re.compile(r'\b' + re.escape(pkg + '.' + t) + r'\b')
            users = set()
            for p, (ppkg, text) in main_src.items():
                if ppkg != pkg and ref.search(text):
                    other = ppkg.split('.')[2] if ppkg.count('.') >= 2 else '(root)'
                    users.add(('main:' + other) if other != m else ('sub:' + ppkg[len('dk.carepath.'):]))
            for ppkg in main_bc.get(pkg + '.' + t, ()):
                if ppkg != pkg:
                    other = ppkg.split('.')[2]
                    users.add(('main:' + other) if other != m else ('sub:' + ppkg[len('dk.carepath.'):]))
            for p, (ppkg, text) in test_src.items():
                if ppkg != pkg and ref.search(text):
                    users.add('test:' + ppkg[len('dk.carepath.'):])
            for ppkg in test_bc.get(pkg + '.' + t, ()):
                if ppkg != pkg:
                    users.add('test:' + ppkg[len('dk.carepath.'):])
            for p, text in res_src.items():
                if ref.search(text):
                    users.add('res:' + os.path.relpath(p, ROOT))
            for f in expr_names.get(bean, ()):
                users.add('bean:' + f)
            mods = sorted(u for u in users if u.startswith('main:'))
            if mods:
                used_by_modules += 1
            lines.append((t, sorted(users)))
        rows.append((m, len(types), used_by_modules, lines))
    if summary:
        print('| module | public types | used by other modules | public for other reasons | no use outside the package |')
        print('|---|---|---|---|---|')
        for m, n, u, lines in rows:
            other = sum(1 for _, us in lines if us and not any(x.startswith('main:') for x in us))
            none = sum(1 for _, us in lines if not us)
            print(f'| {m} | {n} | {u} | {other} | {none} |')
        print(f'| total | {sum(r[1] for r in rows)} | {sum(r[2] for r in rows)} | '
              f'{sum(sum(1 for _, us in r[3] if us and not any(x.startswith("main:") for x in us)) for r in rows)} | '
              f'{sum(sum(1 for _, us in r[3] if not us) for r in rows)} |')
        return
    for m, n, u, lines in rows:
        print(f'== {m}: {n} public top-level types, {u} used by other modules')
        for t, us in lines:
            print(f'  {t:32} ' + (', '.join(us) if us else '-- no use outside the package'))


if __name__ == '__main__':
    main(sys.argv[1:])
