// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/nodetablemodel.h"
#include "model/podtablemodel.h"
#include "testsnapshots.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace Specula;

Q_DECLARE_METATYPE(Specula::Model::NodeSummary)
Q_DECLARE_METATYPE(Specula::Model::NodeSriov)

namespace {

Model::NodeSummary node(const QString &name, std::initializer_list<Model::NodeResource> resources)
{
    Model::NodeSummary n;
    n.name = name;
    n.ready = true;
    n.resources = resources;
    return n;
}

Model::PodSummary pod(const QString &name, int gpus)
{
    Model::PodSummary p;
    p.namespaceName = u"ml"_qs;
    p.name = name;
    p.phase = u"Running"_qs;
    p.requests.insert(u"nvidia.com/gpu"_qs, gpus);
    return p;
}

const Model::NodeResource gpu8 { u"nvidia.com/gpu"_qs, Model::ResourceClass::Gpu, 8, 8, 2 };
const Model::NodeResource vf16 { u"openshift.io/pool"_qs, Model::ResourceClass::Sriov, 16, 16, 0 };

Model::NodeGpu nodeGpu(const QString &product, std::optional<int> count)
{
    Model::NodeGpu gpu;
    gpu.vendor = u"nvidia"_qs;
    gpu.product = product;
    gpu.physicalCount = count;
    return gpu;
}

Model::PhysicalFunction pf(const QString &pci, int numVfs, std::optional<int> totalVfs, int used)
{
    Model::PhysicalFunction p;
    p.pciAddress = pci;
    p.numVfs = numVfs;
    p.totalVfs = totalVfs;
    for (int i = 0; i < numVfs; ++i)
        p.vfs.append(
            TestSnapshots::vf(i, pci + QString::number(i),
                              i < used ? std::optional(Model::PodRef { u"ns"_qs, u"p"_qs, {} }) : std::nullopt));
    return p;
}

} // namespace

class TestTableModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nodesUpdateWithRowSignalsNotResets()
    {
        Model::NodeTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Model::ClusterSnapshot first;
        first.nodes = { node(u"a"_qs, { gpu8 }), node(u"c"_qs, { gpu8 }) };
        model.setRows(Model::NodeTableModel::rowsOf(first), true);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(Model::NodeTableModel::FirstResourceColumn) + 1);
        QCOMPARE(model.index(0, Model::NodeTableModel::FirstResourceColumn).data().toString(), u"2 / 8"_qs);

        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy columnsInserted(&model, &QAbstractItemModel::columnsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        Model::ClusterSnapshot second;
        auto busier = gpu8;
        busier.requested = 7;
        second.nodes = { node(u"b"_qs, { gpu8, vf16 }), node(u"c"_qs, { busier }) };
        model.setRows(Model::NodeTableModel::rowsOf(second));

        QCOMPARE(resets.size(), 0);
        QCOMPARE(removed.size(), 1); // a
        QCOMPARE(inserted.size(), 1); // b
        QCOMPARE(columnsInserted.size(), 1); // openshift.io/pool
        QCOMPARE(changed.size(), 1); // c
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, 0).data().toString(), u"b"_qs);
        QCOMPARE(model.index(1, Model::NodeTableModel::FirstResourceColumn).data().toString(), u"7 / 8"_qs);
        QCOMPARE(model.index(1, Model::NodeTableModel::FirstResourceColumn + 1).data(), QVariant());
        QCOMPARE(model.index(0, Model::NodeTableModel::FirstResourceColumn + 1)
                     .data(Model::NodeTableModel::ResourceKindRole)
                     .toString(),
                 u"sriov"_qs);

        // The same snapshot again changes nothing.
        model.setRows(Model::NodeTableModel::rowsOf(second));
        QCOMPARE(changed.size(), 1);
    }

    void nodesSummarizeGpus_data()
    {
        QTest::addColumn<Model::NodeSummary>("node");
        QTest::addColumn<QString>("text");

        auto whole = node(u"h100"_qs, { gpu8 });
        whole.gpu = nodeGpu(u"NVIDIA-H100-80GB-HBM3"_qs, 8);
        QTest::addRow("whole GPUs") << whole << u"8 × NVIDIA-H100-80GB-HBM3"_qs;

        auto mixed = node(u"a100"_qs, {});
        mixed.gpu = nodeGpu(u"NVIDIA-A100-SXM4-80GB"_qs, 2);
        mixed.gpu->migStrategy = Model::MigStrategy::Mixed;
        // A stale profile (no count label, zero resource) is not part of the layout.
        mixed.resources = { { u"nvidia.com/mig-2g.20gb"_qs, Model::ResourceClass::Mig, 0, 0, 0 } };
        mixed.gpu->migProfiles = { { u"1g.10gb"_qs, u"nvidia.com/mig-1g.10gb"_qs, 2, 9728, 14 },
                                   { u"2g.20gb"_qs, u"nvidia.com/mig-2g.20gb"_qs, {}, {}, {} },
                                   { u"3g.40gb"_qs, u"nvidia.com/mig-3g.40gb"_qs, 1, 40192, 42 } };
        QTest::addRow("MIG mixed") << mixed << u"MIG mixed: 2×1g.10gb, 1×3g.40gb"_qs;

        auto single = node(u"a100s"_qs, { { u"nvidia.com/gpu"_qs, Model::ResourceClass::Gpu, 14, 14, 0 } });
        single.gpu = nodeGpu(u"NVIDIA-A100-SXM4-40GB"_qs, std::nullopt);
        single.gpu->migStrategy = Model::MigStrategy::Single;
        single.gpu->migProfiles = { { u"1g.5gb"_qs, u"nvidia.com/gpu"_qs, {}, 4864, {} } };
        QTest::addRow("MIG single, count from the resource") << single << u"MIG single: 14×1g.5gb"_qs;

        auto sliced = node(u"t4"_qs, {});
        sliced.gpu = nodeGpu(u"Tesla-T4"_qs, 1);
        sliced.gpu->sharing = Model::GpuSharing::TimeSlicing;
        sliced.gpu->replicas = 4;
        QTest::addRow("time-slicing") << sliced << u"1 × Tesla-T4 · time-slicing ×4"_qs;

        auto mps = node(u"l4"_qs, {});
        mps.gpu = nodeGpu(u"NVIDIA-L4"_qs, 2);
        mps.gpu->sharing = Model::GpuSharing::Mps;
        mps.gpu->replicas = 3;
        QTest::addRow("MPS") << mps << u"2 × NVIDIA-L4 · MPS ×3"_qs;

        auto vgpu = node(u"vgpu"_qs, {});
        vgpu.gpu = nodeGpu(u"NVIDIA-A16-4Q"_qs, 1);
        vgpu.gpu->vgpu = true;
        QTest::addRow("vGPU") << vgpu << u"vGPU NVIDIA-A16-4Q"_qs;

        auto amd = node(u"mi300"_qs, { { u"amd.com/gpu"_qs, Model::ResourceClass::Gpu, 8, 8, 0 } });
        amd.gpu = nodeGpu(QString(), std::nullopt);
        amd.gpu->vendor = u"amd"_qs;
        QTest::addRow("no product label") << amd << u"8 GPUs"_qs;

        QTest::addRow("no GPUs") << node(u"cpu"_qs, {}) << QString();
    }

    void nodesSummarizeGpus()
    {
        QFETCH(Model::NodeSummary, node);
        QFETCH(QString, text);
        Model::NodeTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        Model::ClusterSnapshot snapshot;
        snapshot.nodes = { node };
        model.setRows(Model::NodeTableModel::rowsOf(snapshot));
        QCOMPARE(model.headerData(Model::NodeTableModel::GpusColumn, Qt::Horizontal).toString(), u"GPUs"_qs);
        QCOMPARE(model.index(0, Model::NodeTableModel::GpusColumn).data().toString(), text);
    }

    void nodesSummarizeSriov_data()
    {
        QTest::addColumn<Model::NodeSriov>("sriov");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("red");

        Model::NodeSriov healthy;
        healthy.syncStatus = u"Succeeded"_qs;
        healthy.pfs = { pf(u"0000:01:00.0"_qs, 0, std::nullopt, 0), pf(u"0000:3b:00.0"_qs, 4, 64, 1),
                        pf(u"0000:3b:00.1"_qs, 4, 64, 0), pf(u"0000:86:00.0"_qs, 2, 8, 1) };
        QTest::addRow("succeeded") << healthy << u"3 PFs · 2/10 VFs in use"_qs << false;
        auto syncing = healthy;
        syncing.syncStatus = u"InProgress"_qs;
        QTest::addRow("in progress") << syncing << u"3 PFs · 2/10 VFs in use · InProgress"_qs << false;
        Model::NodeSriov failed;
        failed.syncStatus = u"Failed"_qs;
        failed.lastSyncError = u"failed to set numVfs"_qs;
        failed.pfs = { pf(u"0000:3b:00.0"_qs, 0, 64, 0) };
        QTest::addRow("failed") << failed << u"1 PF · 0/0 VFs in use · Failed"_qs << true;
    }

    void nodesSummarizeSriov()
    {
        QFETCH(Model::NodeSriov, sriov);
        QFETCH(QString, text);
        QFETCH(bool, red);
        Model::NodeTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        Model::ClusterSnapshot snapshot;
        snapshot.nodes = { node(u"n"_qs, {}), node(u"sriov"_qs, { vf16 }) };
        snapshot.nodes[1].sriov = sriov;
        model.setRows(Model::NodeTableModel::rowsOf(snapshot));
        QCOMPARE(model.index(0, Model::NodeTableModel::SriovColumn).data().toString(), QString());
        const QModelIndex cell = model.index(1, Model::NodeTableModel::SriovColumn);
        QCOMPARE(cell.data().toString(), text);
        QCOMPARE(cell.data(Qt::ForegroundRole).isValid(), red);
        QCOMPARE(cell.data(Qt::ToolTipRole).toString(), sriov.lastSyncError);
    }

    void nodeDeviceColumnsSortByCount()
    {
        Model::NodeTableModel model;
        Model::ClusterSnapshot snapshot;
        snapshot.nodes = { node(u"a"_qs, {}), node(u"b"_qs, {}), node(u"c"_qs, {}) };
        snapshot.nodes[0].gpu = nodeGpu(u"Tesla-T4"_qs, 10);
        snapshot.nodes[1].gpu = nodeGpu(u"NVIDIA-H100-80GB-HBM3"_qs, 8);
        Model::NodeSriov many;
        many.pfs = { pf(u"0000:3b:00.0"_qs, 12, 64, 11) };
        Model::NodeSriov few;
        few.pfs = { pf(u"0000:3b:00.0"_qs, 4, 64, 2) };
        snapshot.nodes[0].sriov = few;
        snapshot.nodes[2].sriov = many;
        model.setRows(Model::NodeTableModel::rowsOf(snapshot));
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(Model::NodeTableModel::SortRole);
        proxy.sort(Model::NodeTableModel::GpusColumn, Qt::DescendingOrder);
        // By number, "10 × " comes before "8 × "; as text it would not.
        QCOMPARE(proxy.index(0, 0).data().toString(), u"a"_qs);
        QCOMPARE(proxy.index(1, 0).data().toString(), u"b"_qs);
        QCOMPARE(proxy.index(2, 0).data().toString(), u"c"_qs);
        proxy.sort(Model::NodeTableModel::SriovColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, 0).data().toString(), u"c"_qs);
        QCOMPARE(proxy.index(1, 0).data().toString(), u"a"_qs);
    }

    void podsUpdateWithRowSignalsNotResets()
    {
        Model::PodTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Model::ClusterSnapshot first;
        first.pods = { pod(u"a"_qs, 1), pod(u"b"_qs, 2), pod(u"d"_qs, 1) };
        model.setRows(Model::PodTableModel::rowsOf(first));
        QCOMPARE(model.rowCount(), 3);

        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        Model::ClusterSnapshot second;
        auto waiting = pod(u"e"_qs, 4);
        waiting.pending = Model::PendingReason { u"Unschedulable"_qs, u"0/3 nodes are available"_qs, {} };
        second.pods = { pod(u"b"_qs, 2), pod(u"c"_qs, 1), pod(u"d"_qs, 1), waiting };
        model.setRows(Model::PodTableModel::rowsOf(second));
        QCOMPARE(resets.size(), 0);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.index(3, Model::PodTableModel::PendingColumn).data().toString(), u"0/3 nodes are available"_qs);
        QCOMPARE(model.index(1, Model::PodTableModel::RequestsColumn).data().toString(), u"nvidia.com/gpu: 1"_qs);

        // A pod that starts is reported across its phase only, so a proxy sorted by another
        // column need not check its order.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        second.pods[1].phase = u"Pending"_qs;
        model.setRows(Model::PodTableModel::rowsOf(second));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex(), model.index(1, Model::PodTableModel::PhaseColumn));
        QCOMPARE(changed.at(0).at(1).toModelIndex(), model.index(1, Model::PodTableModel::PhaseColumn));
        QCOMPARE(model.index(1, Model::PodTableModel::PhaseColumn).data().toString(), u"Pending"_qs);
    }
};

QTEST_MAIN(TestTableModels)
#include "tst_tablemodels.moc"
