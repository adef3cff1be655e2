# Format-spec mini language through f-strings and format(): fill, align, sign, width, precision, types.
vals = [0, 7, -7, 123456, 3.5, -0.25, 1e-7, 1.5e300]
for v in vals:
    print(f"[{v:>12}] [{v:<12}] [{v:^+12}] [{v:012}]")
for v in [0.0, 1.0, -2.5, 3.14159265, 1234567.891, 1e-5]:
    print(f"{v:.3f} {v:.3e} {v:.3g} {v:10.2f} {v:+.1f} {v:g} {v:.0f} {v:,.2f}")
for v in [0, 5, 255, -255, 65535]:
    print(f"{v:b} {v:o} {v:x} {v:X} {v:#b} {v:#o} {v:#x} {v:08b} {v:_x} {v:,d}")
print(f"{'left':<10}|{'right':>10}|{'mid':^9}|{'fill':-^10}|")
print(f"{'trunc':.3}|{'pad':10.2}|")
print(f"{12:c}{105:c}", f"{65:c}")
print(f"{0.125:.2%} {2/3:.4%} {-1:%}")
print(f"{123:+} {123: } {-123: } {0:+}")
print(format(1234.5, ",.1f"), format(0.000123, ".2e"), format(10, "n"), format("s", "^5"))
print(f"{float('inf')} {float('-inf'):>6} {float('nan'):.2f}")
print(f"{True:d} {False:>5}")
