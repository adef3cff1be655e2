x = ((((((((((1))))))))))
y = [[[[[[[[[[2]]]]]]]]]]
z = f(g(h(i(j(k(l(m(n(o(p))))))))))
def a():
    def b():
        def c():
            def d():
                if x:
                    while y:
                        for z in w:
                            with v:
                                try:
                                    pass
                                except:
                                    pass
