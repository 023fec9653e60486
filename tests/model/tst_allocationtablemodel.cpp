// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/allocationtablemodel.h"
#include "testsnapshots.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace Specula;
using Model::AllocationTableModel;

namespace {

int rowOf(const QAbstractItemModel &model, const QString &node, const QString &resource)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, AllocationTableModel::NodeColumn).data().toString() == node
            && model.index(row, AllocationTableModel::ResourceColumn).data().toString() == resource)
            return row;
    }
    return -1;
}

QStringList rowText(const QAbstractItemModel &model, int row)
{
    QStringList cells;
    for (int column = 0; column < model.columnCount(); ++column)
        cells.append(model.index(row, column).data().toString());
    return cells;
}

} // namespace

class TestAllocationTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneRowPerSpecializedResource_data()
    {
        QTest::addColumn<QString>("node");
        QTest::addColumn<QString>("resource");
        QTest::addColumn<QStringList>("cells");
        QTest::addColumn<QString>("kind");

        QTest::addRow("whole gpu") << u"gpu-a"_qs << u"nvidia.com/gpu"_qs
                                   << QStringList { u"gpu-a"_qs, u"nvidia.com/gpu"_qs,
                                                    u"GPU"_qs,   u"1"_qs,
                                                    u"1"_qs,     u"0"_qs,
                                                    u"1"_qs }
                                   << u"gpu"_qs;
        QTest::addRow("mig") << u"gpu-b"_qs << u"nvidia.com/mig-1g.10gb"_qs
                             << QStringList { u"gpu-b"_qs, u"nvidia.com/mig-1g.10gb"_qs,
                                              u"MIG"_qs,   u"1"_qs,
                                              u"7"_qs,     u"6"_qs,
                                              u"7"_qs }
                             << u"mig"_qs;
        QTest::addRow("stale zero resource")
            << u"gpu-b"_qs << u"nvidia.com/gpu"_qs
            << QStringList { u"gpu-b"_qs, u"nvidia.com/gpu"_qs, u"GPU"_qs, u"0"_qs, u"0"_qs, u"0"_qs, u"0"_qs }
            << u"gpu"_qs;
        QTest::addRow("sriov") << u"sriov-0"_qs << u"openshift.io/intel_sriov_netdevice"_qs
                               << QStringList { u"sriov-0"_qs, u"openshift.io/intel_sriov_netdevice"_qs,
                                                u"SR-IOV"_qs,  u"1"_qs,
                                                u"4"_qs,       u"3"_qs,
                                                u"4"_qs }
                               << u"sriov"_qs;
        QTest::addRow("over-committed shared gpu")
            << u"gpu-c"_qs << u"nvidia.com/gpu.shared"_qs
            << QStringList { u"gpu-c"_qs, u"nvidia.com/gpu.shared"_qs, u"shared GPU"_qs, u"6"_qs, u"4"_qs, u"-2"_qs,
                             u"8"_qs }
            << u"gpu-shared"_qs;
    }

    void oneRowPerSpecializedResource()
    {
        QFETCH(QString, node);
        QFETCH(QString, resource);
        QFETCH(QStringList, cells);
        QFETCH(QString, kind);

        AllocationTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        auto snapshot = TestSnapshots::topology();
        Model::NodeSummary shared;
        shared.name = u"gpu-c"_qs;
        shared.resources = { { u"nvidia.com/gpu.shared"_qs, Model::ResourceClass::GpuShared, 8, 4, 6 } };
        snapshot.nodes.append(shared);
        model.setSnapshot(snapshot);

        // Every GPU, MIG and SR-IOV resource, not the FPGA.
        QCOMPARE(model.rowCount(), 7);
        QCOMPARE(rowOf(model, u"gpu-b"_qs, u"example.com/fpga"_qs), -1);
        const int row = rowOf(model, node, resource);
        QVERIFY(row >= 0);
        QCOMPARE(rowText(model, row), cells);
        QCOMPARE(model.index(row, 0).data(AllocationTableModel::KindRole).toString(), kind);
        QCOMPARE(model.index(row, AllocationTableModel::KindColumn).data(AllocationTableModel::SortRole).toString(),
                 kind);
        const qint64 free = cells.at(AllocationTableModel::FreeColumn).toLongLong();
        QCOMPARE(model.index(row, AllocationTableModel::FreeColumn).data(AllocationTableModel::SortRole),
                 QVariant(free));
        // Negative free is red; zero rows are only dimmed.
        const auto brush = model.index(row, AllocationTableModel::FreeColumn).data(Qt::ForegroundRole).value<QBrush>();
        QCOMPARE(brush.color() == QColor(0xd3, 0x2f, 0x2f), free < 0);
    }

    void sortsByNumbersNotText()
    {
        AllocationTableModel model;
        auto snapshot = TestSnapshots::topology();
        snapshot.nodes[0].resources[0].allocatable = 10;
        model.setSnapshot(snapshot);
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(AllocationTableModel::SortRole);
        proxy.sort(AllocationTableModel::AllocatableColumn, Qt::DescendingOrder);
        // As text "7" would come before "10".
        QCOMPARE(proxy.index(0, AllocationTableModel::AllocatableColumn).data().toString(), u"10"_qs);
        QCOMPARE(proxy.index(1, AllocationTableModel::AllocatableColumn).data().toString(), u"7"_qs);
    }

    void updatesWithRowSignalsNotResets()
    {
        AllocationTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        auto snapshot = TestSnapshots::topology();
        model.setSnapshot(snapshot, true);
        const QPersistentModelIndex sriov(
            model.index(rowOf(model, u"sriov-0"_qs, u"openshift.io/intel_sriov_netdevice"_qs), 0));

        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        snapshot.nodes[1].resources.removeAt(2); // gpu-b loses mig-3g.40gb
        snapshot.nodes[0].resources[1].requested = 2; // gpu-a's MIG fills up
        snapshot.nodes[2].resources.append(
            { u"openshift.io/mlnx_sriov_rdma"_qs, Model::ResourceClass::Sriov, 8, 8, 0 }); // sriov-0 gains a pool
        model.setSnapshot(snapshot);

        QCOMPARE(resets.size(), 0);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(),
                 rowOf(model, u"gpu-a"_qs, u"nvidia.com/mig-1g.10gb"_qs));
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(sriov.data().toString(), u"sriov-0"_qs);
        QCOMPARE(model.index(sriov.row(), AllocationTableModel::ResourceColumn).data().toString(),
                 u"openshift.io/intel_sriov_netdevice"_qs);

        model.setSnapshot(snapshot);
        QCOMPARE(changed.size(), 1);

        // A cluster switch is the one reset.
        model.setSnapshot(snapshot, true);
        QCOMPARE(resets.size(), 1);
    }
};

QTEST_MAIN(TestAllocationTableModel)
#include "tst_allocationtablemodel.moc"
