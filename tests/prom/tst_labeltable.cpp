// SPDX-License-Identifier: GPL-3.0-or-later
// LabelTable: label sets kept as columns read back, compare, order and hash as the QMaps they
// were made from.

#include "prom/labeltable.h"

#include <QTest>

using Specula::Prom::Labels;
using Specula::Prom::LabelTable;

namespace {

// The order of QMaps of labels: name/value pairs compared one by one.
bool mapLess(const Labels &a, const Labels &b)
{
    auto ia = a.cbegin();
    auto ib = b.cbegin();
    for (; ia != a.cend() && ib != b.cend(); ++ia, ++ib) {
        if (ia.key() != ib.key())
            return ia.key() < ib.key();
        if (ia.value() != ib.value())
            return ia.value() < ib.value();
    }
    return ia == a.cend() && ib != b.cend();
}

// Series of one metric with the labels dcgm-exporter gives: a MIG slice has two more, an idle
// GPU none of the pod's; one label is present with no text.
QList<Labels> someLabels()
{
    const Labels gpu { { u"__name__"_qs, u"DCGM_FI_DEV_GPU_UTIL"_qs },
                       { u"gpu"_qs, u"0"_qs },
                       { u"UUID"_qs, u"GPU-a"_qs } };
    Labels held = gpu;
    held.insert(u"namespace"_qs, u"ml"_qs);
    held.insert(u"pod"_qs, u"train-0"_qs);
    Labels mig = held;
    mig.insert(u"GPU_I_ID"_qs, u"3"_qs);
    mig.insert(u"GPU_I_PROFILE"_qs, u"1g.10gb"_qs);
    Labels other = gpu;
    other[u"UUID"_qs] = u"GPU-b"_qs;
    Labels emptyContainer = held;
    emptyContainer.insert(u"container"_qs, QString());
    Labels fewer { { u"gpu"_qs, u"0"_qs } };
    Labels later { { u"zone"_qs, u"a"_qs } };
    return { held, gpu, mig, other, emptyContainer, fewer, later, Labels() };
}

} // namespace

class TestLabelTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsReadBackAsTheirLabels()
    {
        const QList<Labels> sets = someLabels();
        LabelTable table;
        for (const Labels &labels : sets) {
            const qsizetype row = table.append(labels);
            QCOMPARE(row, table.size() - 1);
        }
        for (qsizetype row = 0; row < sets.size(); ++row) {
            QCOMPARE(table.at(row), sets.at(row));
            for (qsizetype other = 0; other < sets.size(); ++other)
                QCOMPARE(table.equals(row, sets.at(other)), sets.at(row) == sets.at(other));
        }
        // A label with no text is not a missing one.
        QCOMPARE(table.at(4).value(u"container"_qs, u"missing"_qs), QString());
        QVERIFY(!table.equals(4, sets.at(0)));
    }

    void orderAndHashAreTheMaps()
    {
        const QList<Labels> sets = someLabels();
        LabelTable table;
        for (const Labels &labels : sets)
            table.append(labels);
        for (qsizetype a = 0; a < sets.size(); ++a) {
            QCOMPARE(table.hash(a), LabelTable::hashOf(sets.at(a)));
            for (qsizetype b = 0; b < sets.size(); ++b)
                QVERIFY2(table.less(a, b) == mapLess(sets.at(a), sets.at(b)), qPrintable(u"%1 %2"_qs.arg(a).arg(b)));
        }
    }

    void rowsCompareAndCopyAcrossTables()
    {
        const QList<Labels> sets = someLabels();
        LabelTable table;
        // Met in another order, the other table numbers its columns differently.
        LabelTable reversed;
        for (qsizetype row = 0; row < sets.size(); ++row) {
            table.append(sets.at(row));
            reversed.append(sets.at(sets.size() - 1 - row));
        }
        for (qsizetype row = 0; row < sets.size(); ++row) {
            for (qsizetype other = 0; other < sets.size(); ++other)
                QCOMPARE(table.equals(row, reversed, other), sets.at(row) == sets.at(sets.size() - 1 - other));
        }

        LabelTable copied = table.withNamesOf();
        LabelTable translated = reversed.withNamesOf();
        for (qsizetype row = 0; row < sets.size(); ++row) {
            copied.append(table, row);
            translated.append(table, row);
        }
        for (qsizetype row = 0; row < sets.size(); ++row) {
            QCOMPARE(copied.at(row), sets.at(row));
            QCOMPARE(translated.at(row), sets.at(row));
            QVERIFY(translated.equals(row, table, row));
        }
    }
};

QTEST_GUILESS_MAIN(TestLabelTable)
#include "tst_labeltable.moc"
