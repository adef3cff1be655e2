a = '''triple
single'''
b = """triple
double"""
c = '''with 'quotes' and "more" inside'''
d = """line one \
continued"""
e = '''
'''
f = r'''raw
\n'''
def g():
    '''Docstring
    spanning lines.'''
    return '''a''' '''b'''
h = """ends with quote\""""
i = '''x''''y'
