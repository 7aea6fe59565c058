"""colorsys: RGB <-> YIQ/HLS/HSV conversions and round trips (float results compared exactly)."""
import colorsys
cols = [(0, 0, 0), (1, 1, 1), (1, 0, 0), (0, 1, 0), (0, 0, 1), (0.2, 0.4, 0.4), (0.5, 0.25, 0.75), (0.9, 0.9, 0.1), (0.3, 0.3, 0.31), (1, 0.5, 0), (0.1, 0.2, 0.9)]
for c in cols:
    print(c, colorsys.rgb_to_yiq(*c), colorsys.rgb_to_hls(*c), colorsys.rgb_to_hsv(*c))
    print('  ', colorsys.yiq_to_rgb(*colorsys.rgb_to_yiq(*c)), colorsys.hls_to_rgb(*colorsys.rgb_to_hls(*c)), colorsys.hsv_to_rgb(*colorsys.rgb_to_hsv(*c)))
for h in [0, 0.1, 0.5, 0.99, 1.0, 1.2, -0.1]:
    print(colorsys.hsv_to_rgb(h, 0.5, 0.8), colorsys.hls_to_rgb(h, 0.3, 0.5), colorsys.hls_to_rgb(h, 0.7, 0.5), colorsys.yiq_to_rgb(0.5, h, -h))
print(colorsys.rgb_to_hls(2, 0.5, 1), colorsys.rgb_to_hsv(1, 1, 0.5))
