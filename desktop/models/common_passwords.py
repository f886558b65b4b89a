"""Passwords and words that attackers try first, English and Vietnamese (folded, lower case).

Two lists: :data:`COMMON_PASSWORDS`, whole passwords refused outright (also with digits or
separators around them), and :data:`GUESSABLE_WORDS`, words handed to the zxcvbn estimator as a
dictionary so that a password built from them (``anhyeuem2026anhyeuem``) scores as weak. zxcvbn
already knows the English top lists; it knows no Vietnamese, which is what the second list adds.
"""

from __future__ import annotations

COMMON_PASSWORDS = frozenset(
    """
    123456 1234567 12345678 123456789 1234567890 12345678910 123456789012345 1234567890123456
    0123456789 987654321 9876543210 111111 1111111111 111111111111111 000000 0000000000 123123
    123123123 123321 654321 112233 121212 147258369 159357 159753 147852369 741852963 789456123
    password password1 password123 password1234567 passwordpassword passw0rd p@ssw0rd
    qwerty qwerty123 qwertyuiop qwertyuiopasdfgh qwertyuiopasdfghjkl 1qaz2wsx 1qaz2wsx3edc
    zxcvbnm asdfghjkl asdfgh abc123 abc123456789012 abcd1234 abcdef abcdefgh iloveyou
    iloveyou1234567 admin admin123 admin1234567890 administrator administrator123 root toor
    letmein welcome welcome123 monkey dragon football baseball sunshine princess master
    superman trustno1 starwars whatever shadow michael
    aaaaaaaaaaaaaaa 111111111111111
    matkhau matkhau123 matkhau123456 matkhau123456789 matkhaumatkhau matkhaumatkhau123
    khongcomatkhau khongcomatkhau123 khongbiet bientap bientap123 banbientap
    banbientap123 bien-tap-demo-2026 bientapdemo2026 quantri quantri123 quantrivien
    thanhvien thanhvien123 truongban phoban congthongtin congthongtindientu trangthongtin
    anhyeuem emyeuanh anhyeuem123 emyeuanh123 yeuem yeuanh toiyeuban iloveu saigon hanoi
    hochiminh vietnam vietnam123 vietnamvodich dantri zingme yahoo123 hoilamgi conmeo concho
    hoahong hoamai matroi ngoisao thienthan bautroi doremon naruto
    """.split()
)

GUESSABLE_WORDS = tuple(
    """
    matkhau bientap banbientap quantri quantrivien thanhvien truongban phoban congthongtin
    dientu trangthongtin anhyeuem emyeuanh yeuem yeuanh toiyeuban saigon hanoi hochiminh vietnam
    vodich conmeo concho hoahong hoamai matroi ngoisao thienthan bautroi khongbiet khongco
    xinchao chaoban camon tamBiet ubnd sotttt sonoivu tinhuy hdnd chinhphu nhanuoc
    """.lower().split()
)
