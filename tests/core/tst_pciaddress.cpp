// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/pciaddress.h"

#include <QTest>

using namespace Specula;

class TestPciAddress : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void normalise_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("normalised");
        QTest::newRow("sr-iov / multus") << u"0000:86:02.0"_qs << u"0000:86:02.0"_qs;
        QTest::newRow("dcgm-exporter 8-digit upper case") << u"00000000:1A:00.0"_qs << u"0000:1a:00.0"_qs;
        QTest::newRow("lspci without domain") << u"86:02.0"_qs << u"0000:86:02.0"_qs;
        QTest::newRow("upper case") << u"0000:3B:0A.1"_qs << u"0000:3b:0a.1"_qs;
        QTest::newRow("other domain") << u"0001:af:00.7"_qs << u"0001:af:00.7"_qs;
        QTest::newRow("surrounding space") << u" 0000:d8:00.1 "_qs << u"0000:d8:00.1"_qs;
        QTest::newRow("function 8 is no address") << u"0000:86:02.8"_qs << u"0000:86:02.8"_qs;
        QTest::newRow("device 0x20 is no address") << u"0000:86:20.0"_qs << u"0000:86:20.0"_qs;
        QTest::newRow("not hex") << u"0000:zz:00.0"_qs << u"0000:zz:00.0"_qs;
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("name") << u"mlx5_2"_qs << u"mlx5_2"_qs;
    }

    void normalise()
    {
        QFETCH(QString, text);
        QTEST(Core::normalizedPciAddress(text), "normalised");
    }

    void comparesAsNumbers()
    {
        const auto a = Core::PciAddress::parse(u"00000000:3B:02.0"_qs);
        const auto b = Core::PciAddress::parse(u"3b:02.0"_qs);
        const auto c = Core::PciAddress::parse(u"0000:3b:0a.0"_qs);
        QVERIFY(a && b && c);
        QVERIFY(*a == *b);
        QVERIFY(*b < *c); // 0x02 < 0x0a, whereas the strings "02" < "0a" only by luck of case
        QVERIFY(!Core::PciAddress::parse(u"3b02.0"_qs));
    }
};

QTEST_GUILESS_MAIN(TestPciAddress)
#include "tst_pciaddress.moc"
