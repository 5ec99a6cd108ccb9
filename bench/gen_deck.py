#!/usr/bin/env python3
"""Writes a valid deck with N cards in 20 categories to stdout (for bench/run)."""
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
print('[deck]\nid = "groot"\ntitle = "Grote stapel"\ndescription = "Voor metingen."\nlanguage = "nl"\n')
for c in range(20):
    print(f'[[category]]\nid = "cat-{c}"\ntitle = "Categorie {c}"\ndescription = "Categorie nummer {c}."\n')
for i in range(n):
    print(f'[[card]]\nid = "kaart-{i}"\ncategory = "cat-{i % 20}"\ntitle = "Kaart nummer {i}"\n'
          f'prompt = "Wat betekent vraag {i} voor onze gezamenlijke opgave, en wie heeft daarbij een rol?"\n'
          f'hint = "Tip {i}: laat eerst iedereen kort reageren."\ntags = ["meting", "t{i % 7}"]\n')
