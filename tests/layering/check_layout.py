#!/usr/bin/env python3
"""The layout rules of issue 11, checked by reading the sources (ctest: layout_check).

1. services/ subsystems include only themselves and the ones below them:
       domain < storage < secrets < delivery < flows < runtime < api
   (each is a library that cannot see the ones above it, so a wrong include also fails to compile;
   this names the file and the rule instead).
2. services/ and models/ never include QtWidgets or ui/; services/ never includes models/.
3. No source file in services/ or app/ over 600 lines, no function over 80 lines.

Usage: check_layout.py SOURCE_ROOT [--list]   (--list prints every function over 40 lines, longest first)
"""
import os
import re
import sys

LAYERS = ["domain", "storage", "secrets", "delivery", "flows", "runtime", "api"]
MAX_FILE_LINES = 600
MAX_FUNCTION_LINES = 80
WIDGET_INCLUDE = re.compile(r'#\s*include\s*[<"](QtWidgets/|Q(Widget|MainWindow|Dialog|PushButton|Label|'
                            r'LineEdit|TableView|Application|MessageBox|ComboBox|Layout|VBoxLayout|HBoxLayout)\b)')
LOCAL_INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"', re.M)


def sources(root, top):
    for base, _, files in os.walk(os.path.join(root, top)):
        for name in sorted(files):
            if name.endswith((".h", ".cpp")):
                yield os.path.join(base, name)


def layer_of(root, path):
    rel = os.path.relpath(path, os.path.join(root, "services")).split(os.sep)
    return rel[0] if len(rel) > 1 and rel[0] in LAYERS else None


def header_index(root):
    index = {}
    for path in sources(root, "services"):
        if path.endswith(".h"):
            index.setdefault(os.path.basename(path), path)
    return index


def strip_code(text):
    """Blanks comments, string and char literals (keeps newlines) so braces can be counted."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c == 'R' and text.startswith('R"', i):
            m = re.match(r'R"([^(]*)\(', text[i:])
            end = text.find(")" + m.group(1) + '"', i) if m else -1
            j = n if end < 0 else end + len(m.group(1)) + 2
            out.append('""' + re.sub(r"[^\n]", "", text[i:j]))
            i = j
        elif c == "'" and 0 < i < n - 1 and text[i - 1].isdigit() and text[i + 1].isalnum():
            out.append(c)  # a digit separator (100'000), not a character literal
            i += 1
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            out.append(c + c)
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


SIGNATURE_END = re.compile(r"\)\s*(const)?\s*(noexcept)?\s*(override|final)?\s*(->\s*[\w:<>,\s*&]+)?\s*$")
CTOR_INIT = re.compile(r"\)\s*:\s*[\w:]+\s*[({]")


def functions(path):
    """(name, first line, line count) of each function body at namespace or class level."""
    text = strip_code(open(path, encoding="utf-8").read())
    found = []
    depth = 0
    kinds = []  # per open brace: 'scope' (namespace/class/extern/enum) or 'function' or 'other'
    start = {}
    pending = 0  # index where the text since the last ';', '{' or '}' begins
    line = 1
    for i, c in enumerate(text):
        if c == "\n":
            line += 1
        elif c == "{":
            head = text[pending:i]
            inside_function = "function" in kinds
            head_flat = " ".join(head.split())
            if inside_function:
                kinds.append("other")
            elif re.search(r"\b(namespace|class|struct|union|enum)\b[^()]*$", head_flat) or 'extern "' in head_flat:
                kinds.append("scope")
            elif SIGNATURE_END.search(head_flat) or CTOR_INIT.search(head_flat):
                kinds.append("function")
                name = re.findall(r"([~\w:]+)\s*\(", head_flat)
                start[len(kinds)] = (name[0] if name else "?", line)
            else:
                kinds.append("other")
            pending = i + 1
        elif c == "}":
            if kinds:
                if kinds[-1] == "function" and len(kinds) in start:
                    name, first = start.pop(len(kinds))
                    found.append((name, first, line - first + 1))
                kinds.pop()
            pending = i + 1
        elif c == ";" and "function" not in kinds:
            pending = i + 1
    return found


def check(root):
    problems, long_ones = [], []
    index = header_index(root)

    for path in sources(root, "services"):
        rel = os.path.relpath(path, root)
        text = open(path, encoding="utf-8").read()
        mine = layer_of(root, path)
        for inc in LOCAL_INCLUDE.findall(text):
            if inc.startswith(("ui/", "models/")) or "/ui/" in inc:
                problems.append(f"{rel}: includes {inc}: services/ must not include ui/ or models/")
            target = index.get(os.path.basename(inc))
            if mine and target:
                theirs = layer_of(root, target)
                if theirs and LAYERS.index(theirs) > LAYERS.index(mine):
                    problems.append(f"{rel}: includes {inc} from services/{theirs}, a layer above services/{mine} "
                                    f"(order: {' < '.join(LAYERS)})")
        if WIDGET_INCLUDE.search(text):
            problems.append(f"{rel}: includes a Qt Widgets header: services/ never uses Widgets")

    for path in sources(root, "models"):
        rel = os.path.relpath(path, root)
        text = open(path, encoding="utf-8").read()
        for inc in LOCAL_INCLUDE.findall(text):
            if inc.startswith("ui/") or os.path.exists(os.path.join(root, "ui", os.path.basename(inc))):
                problems.append(f"{rel}: includes {inc} from ui/: models/ never includes ui/")
        if WIDGET_INCLUDE.search(text):
            problems.append(f"{rel}: includes a Qt Widgets header: models/ never uses Widgets")

    for top in ("services", "app"):
        for path in sources(root, top):
            rel = os.path.relpath(path, root)
            lines = open(path, encoding="utf-8").read().count("\n")
            if lines > MAX_FILE_LINES:
                problems.append(f"{rel}: {lines} lines (at most {MAX_FILE_LINES}): split it by concern")
            for name, first, count in functions(path):
                if count > MAX_FUNCTION_LINES:
                    problems.append(f"{rel}:{first}: {name}() is {count} lines (at most {MAX_FUNCTION_LINES}): "
                                    f"name its steps")
                if count > 40:
                    long_ones.append((count, f"{rel}:{first} {name}"))

    return problems, long_ones


def self_test():
    """The check must catch each kind of breach: builds a small tree with one of each and a clean twin."""
    import tempfile
    with tempfile.TemporaryDirectory() as root:
        def write(rel, text):
            os.makedirs(os.path.dirname(os.path.join(root, rel)), exist_ok=True)
            open(os.path.join(root, rel), "w", encoding="utf-8").write(text)
        write("services/flows/Flow.h", "#pragma once\n")
        write("services/storage/Store.cpp", '#include "Flow.h"\nint f()\n{\n' + "    int a = 100'000;\n" * 85 + "}\n")
        write("services/domain/Widgety.cpp", "#include <QWidget>\n")
        write("models/Model.cpp", '#include "ui/MainWindow.h"\n')
        write("app/big/Big.cpp", "// x\n" * 601)
        problems, _ = check(root)
        expected = ["Store.cpp: includes Flow.h", "Store.cpp:3: f() is 87 lines", "Widgety.cpp: includes a Qt Widgets",
                    "Model.cpp: includes ui/MainWindow.h", "Big.cpp: 601 lines"]
        missed = [e for e in expected if not any(e in p for p in problems)]
        os.remove(os.path.join(root, "services/storage/Store.cpp"))
        write("services/storage/Store.cpp", '#include "Flow.h"\n')
        write("services/flows/Ok.cpp", '#include "Store.cpp"\nint g()\n{\n    return 1;\n}\n')
        for rel in ("services/domain/Widgety.cpp", "models/Model.cpp", "app/big/Big.cpp"):
            os.remove(os.path.join(root, rel))
        clean, _ = check(root)
    for e in missed:
        print(f"self-test: the check did not report '{e}'")
    extra = [p for p in clean if "Store.cpp: includes Flow.h" not in p]
    for p in extra:
        print(f"self-test: the check reported a clean file: {p}")
    return 1 if missed or extra else 0


def main():
    if "--self-test" in sys.argv:
        code = self_test()
        print("layout check self-test:", "failed" if code else "passed")
        return code
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".")
    problems, long_ones = check(root)
    if "--list" in sys.argv:
        for count, where in sorted(long_ones, reverse=True):
            print(f"{count:5d}  {where}")
    for p in problems:
        print(p)
    print(f"layout check: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
