// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/gpuinfo.h"
#include "model/resourceclass.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Specula;

namespace {

using Labels = Kube::StringMap;
using Resources = QMap<QString, int>;

QJsonDocument readFixture(const QString &name)
{
    QFile file(qEnvironmentVariable("SPECULA_SHARED_DIR") + u"/fixtures/"_qs + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read fixture %s", qPrintable(name));
    return QJsonDocument::fromJson(file.readAll());
}

Labels labelsOf(const QJsonObject &object)
{
    Labels labels;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        labels.insert(it.key(), it.value().toString());
    return labels;
}

// The GFD label dumps are plain label objects; the vGPU capture is a whole NodeList.
Labels fixtureLabels(const QString &name)
{
    const QJsonObject root = readFixture(name).object();
    if (root.contains(u"items"_qs)) {
        const QJsonObject node = root.value(u"items"_qs).toArray().first().toObject();
        return labelsOf(node.value(u"metadata"_qs).toObject().value(u"labels"_qs).toObject());
    }
    return labelsOf(root);
}

// A node as the snapshot sees it: labels and classified resources (capacity; allocatable
// the same unless given).
std::optional<Model::NodeGpu> info(const Labels &labels, const Resources &capacity)
{
    Kube::Node node;
    node.meta.name = u"n"_qs;
    node.meta.labels = labels;
    QList<Model::NodeResource> resources;
    for (auto it = capacity.cbegin(); it != capacity.cend(); ++it)
        resources.append({ it.key(), Model::classifyResource(it.key(), {}), it.value(), it.value(), 0 });
    return Model::gpuInfo(node, resources);
}

QString describeProfiles(const QList<Model::MigProfile> &profiles)
{
    QStringList parts;
    for (const auto &p : profiles) {
        parts << u"%1=%2:%3:%4"_qs.arg(p.profile, p.resource, p.count ? QString::number(*p.count) : u"-"_qs,
                                       p.memoryMiB ? QString::number(*p.memoryMiB) : u"-"_qs);
    }
    return parts.join(u' ');
}

QString orDash(const std::optional<qint64> &value)
{
    return value ? QString::number(*value) : u"-"_qs;
}

} // namespace

class TestGpuInfo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void productSuffixes_data()
    {
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("product");
        QTest::addColumn<QString>("profile");
        QTest::addColumn<bool>("shared");
        QTest::newRow("plain") << u"NVIDIA-H100-80GB-HBM3"_qs << u"NVIDIA-H100-80GB-HBM3"_qs << QString() << false;
        QTest::newRow("shared") << u"Tesla-T4-SHARED"_qs << u"Tesla-T4"_qs << QString() << true;
        QTest::newRow("mig single") << u"NVIDIA-A100-SXM4-40GB-MIG-1g.5gb"_qs << u"NVIDIA-A100-SXM4-40GB"_qs
                                    << u"1g.5gb"_qs << false;
        QTest::newRow("mig shared") << u"NVIDIA-A100-SXM4-80GB-MIG-1g.10gb-SHARED"_qs << u"NVIDIA-A100-SXM4-80GB"_qs
                                    << u"1g.10gb"_qs << true;
        QTest::newRow("mig media extension")
            << u"NVIDIA-H100-80GB-HBM3-MIG-1g.10gb+me"_qs << u"NVIDIA-H100-80GB-HBM3"_qs << u"1g.10gb+me"_qs << false;
        QTest::newRow("ada with spaces replaced")
            << u"NVIDIA-RTX-2000-Ada-Generation-SHARED"_qs << u"NVIDIA-RTX-2000-Ada-Generation"_qs << QString() << true;
    }

    void productSuffixes()
    {
        QFETCH(QString, label);
        const auto name = Model::splitGpuProduct(label);
        QTEST(name.product, "product");
        QTEST(name.migProfile, "profile");
        QTEST(name.shared, "shared");
    }

    // Each row is one rule of the device plugin; each fails if that rule is dropped.
    void nodes_data()
    {
        QTest::addColumn<Labels>("labels");
        QTest::addColumn<Resources>("capacity");
        QTest::addColumn<QString>("product");
        QTest::addColumn<QString>("physicalCount");
        QTest::addColumn<QString>("memoryMiB");
        QTest::addColumn<Model::MigStrategy>("strategy");
        QTest::addColumn<Model::GpuSharing>("sharing");
        QTest::addColumn<int>("replicas");
        QTest::addColumn<QString>("profiles");

        const Labels mixed = fixtureLabels(u"node-labels_gfd_h100_mig-mixed.json"_qs);
        QTest::newRow("fixture: H100 MIG mixed, gpu.replicas 0, stale 4g profile")
            << mixed
            << Resources { { u"nvidia.com/gpu"_qs, 0 },
                           { u"nvidia.com/mig-1g.10gb"_qs, 2 },
                           { u"nvidia.com/mig-2g.20gb"_qs, 1 },
                           { u"nvidia.com/mig-3g.40gb"_qs, 1 },
                           { u"nvidia.com/mig-4g.40gb"_qs, 0 } }
            << u"NVIDIA-H100-80GB-HBM3"_qs << u"1"_qs << u"81559"_qs << Model::MigStrategy::Mixed
            << Model::GpuSharing::None << 1
            << u"1g.10gb=nvidia.com/mig-1g.10gb:2:9984 2g.20gb=nvidia.com/mig-2g.20gb:1:20096 "
               "3g.40gb=nvidia.com/mig-3g.40gb:1:40320 4g.40gb=nvidia.com/mig-4g.40gb:-:-"_qs;

        QTest::newRow("fixture: H100 strategy single but MIG all-disabled")
            << fixtureLabels(u"node-labels_gfd_h100_mig-single-all-disabled.json"_qs)
            << Resources { { u"nvidia.com/gpu"_qs, 1 } } << u"NVIDIA-H100-80GB-HBM3"_qs << u"1"_qs << u"81559"_qs
            << Model::MigStrategy::None << Model::GpuSharing::None << 1 << QString();

        Labels single { { u"nvidia.com/gpu.present"_qs, u"true"_qs },
                        { u"nvidia.com/gpu.product"_qs, u"NVIDIA-A100-SXM4-40GB-MIG-1g.5gb"_qs },
                        { u"nvidia.com/gpu.count"_qs, u"14"_qs },
                        { u"nvidia.com/gpu.memory"_qs, u"4864"_qs },
                        { u"nvidia.com/mig.strategy"_qs, u"single"_qs } };
        QTest::newRow("MIG single: labels describe MIG devices")
            << single << Resources { { u"nvidia.com/gpu"_qs, 14 } } << u"NVIDIA-A100-SXM4-40GB"_qs << u"-"_qs << u"-"_qs
            << Model::MigStrategy::Single << Model::GpuSharing::None << 1 << u"1g.5gb=nvidia.com/gpu:14:4864"_qs;

        Labels wholeAndMig { { u"nvidia.com/gpu.product"_qs, u"NVIDIA-A100-SXM4-80GB"_qs },
                             { u"nvidia.com/gpu.count"_qs, u"2"_qs },
                             { u"nvidia.com/mig.strategy"_qs, u"mixed"_qs },
                             { u"nvidia.com/mig-1g.10gb.count"_qs, u"7"_qs } };
        QTest::newRow("MIG mixed beside a whole GPU")
            << wholeAndMig << Resources { { u"nvidia.com/gpu"_qs, 1 }, { u"nvidia.com/mig-1g.10gb"_qs, 7 } }
            << u"NVIDIA-A100-SXM4-80GB"_qs << u"2"_qs << u"-"_qs << Model::MigStrategy::Mixed << Model::GpuSharing::None
            << 1 << u"1g.10gb=nvidia.com/mig-1g.10gb:7:-"_qs;

        Labels timeSliced { { u"nvidia.com/gpu.product"_qs, u"Tesla-T4-SHARED"_qs },
                            { u"nvidia.com/gpu.count"_qs, u"1"_qs },
                            { u"nvidia.com/gpu.memory"_qs, u"15360"_qs },
                            { u"nvidia.com/gpu.sharing-strategy"_qs, u"time-slicing"_qs },
                            { u"nvidia.com/gpu.replicas"_qs, u"4"_qs } };
        QTest::newRow("time-slicing without rename")
            << timeSliced << Resources { { u"nvidia.com/gpu"_qs, 4 } } << u"Tesla-T4"_qs << u"1"_qs << u"15360"_qs
            << Model::MigStrategy::None << Model::GpuSharing::TimeSlicing << 4 << QString();

        Labels renamed { { u"nvidia.com/gpu.product"_qs, u"NVIDIA-L4"_qs },
                         { u"nvidia.com/gpu.count"_qs, u"1"_qs },
                         { u"nvidia.com/gpu.sharing-strategy"_qs, u"time-slicing"_qs },
                         { u"nvidia.com/gpu.replicas"_qs, u"4"_qs } };
        QTest::newRow("time-slicing renamed to gpu.shared")
            << renamed << Resources { { u"nvidia.com/gpu"_qs, 0 }, { u"nvidia.com/gpu.shared"_qs, 4 } }
            << u"NVIDIA-L4"_qs << u"1"_qs << u"-"_qs << Model::MigStrategy::None << Model::GpuSharing::TimeSlicing << 4
            << QString();

        Labels oldShared { { u"nvidia.com/gpu.product"_qs, u"Tesla-T4-SHARED"_qs },
                           { u"nvidia.com/gpu.replicas"_qs, u"2"_qs } };
        QTest::newRow("no sharing label, -SHARED suffix, no count: capacity ÷ replicas")
            << oldShared << Resources { { u"nvidia.com/gpu"_qs, 8 } } << u"Tesla-T4"_qs << u"4"_qs << u"-"_qs
            << Model::MigStrategy::None << Model::GpuSharing::TimeSlicing << 2 << QString();

        Labels mps { { u"nvidia.com/gpu.product"_qs, u"NVIDIA-A100-SXM4-40GB-SHARED"_qs },
                     { u"nvidia.com/gpu.count"_qs, u"2"_qs },
                     { u"nvidia.com/gpu.sharing-strategy"_qs, u"mps"_qs },
                     { u"nvidia.com/gpu.replicas"_qs, u"2"_qs } };
        QTest::newRow("MPS") << mps << Resources { { u"nvidia.com/gpu"_qs, 4 } } << u"NVIDIA-A100-SXM4-40GB"_qs
                             << u"2"_qs << u"-"_qs << Model::MigStrategy::None << Model::GpuSharing::Mps << 2
                             << QString();

        QTest::newRow("fixture: vGPU A16-4Q")
            << fixtureLabels(u"node-list_real_vgpu-A16-4Q_rke2_kubectl-get-nodes-json.json"_qs)
            << Resources { { u"nvidia.com/gpu"_qs, 1 } } << u"NVIDIA-A16-4Q"_qs << u"1"_qs << u"4096"_qs
            << Model::MigStrategy::None << Model::GpuSharing::None << 1 << QString();

        QTest::newRow("AMD without labels: the resource counts GPUs")
            << Labels {} << Resources { { u"amd.com/gpu"_qs, 4 } } << QString() << u"4"_qs << u"-"_qs
            << Model::MigStrategy::None << Model::GpuSharing::None << 1 << QString();
    }

    void nodes()
    {
        QFETCH(Labels, labels);
        QFETCH(Resources, capacity);
        const auto gpu = info(labels, capacity);
        QVERIFY(gpu);
        QTEST(gpu->product, "product");
        QTEST(orDash(gpu->physicalCount ? std::optional<qint64>(*gpu->physicalCount) : std::nullopt), "physicalCount");
        QTEST(orDash(gpu->memoryMiB), "memoryMiB");
        QTEST(gpu->migStrategy, "strategy");
        QTEST(gpu->sharing, "sharing");
        QTEST(gpu->replicas, "replicas");
        QTEST(describeProfiles(gpu->migProfiles), "profiles");
    }

    void vgpuAndDriverFromFixture()
    {
        const auto gpu = info(fixtureLabels(u"node-list_real_vgpu-A16-4Q_rke2_kubectl-get-nodes-json.json"_qs),
                              { { u"nvidia.com/gpu"_qs, 1 } });
        QVERIFY(gpu);
        QVERIFY(gpu->vgpu);
        QCOMPARE(gpu->vendor, u"nvidia"_qs);
        QVERIFY(!gpu->driverVersion.isEmpty());
        const auto mixed = info(fixtureLabels(u"node-labels_gfd_h100_mig-mixed.json"_qs), {});
        QVERIFY(mixed);
        QCOMPARE(mixed->driverVersion, u"550.54.15"_qs);
        QCOMPARE(mixed->migConfig, u"all-balanced"_qs);
        QCOMPARE(mixed->family, u"hopper"_qs);
    }

    void nodesWithoutGpus()
    {
        QVERIFY(!info({}, {}));
        // The NVIDIA Network Operator's SR-IOV pools live under nvidia.com/ but are no GPUs.
        Kube::Node node;
        QList<Model::NodeResource> resources {
            { u"nvidia.com/sriovlegacy"_qs,
              Model::classifyResource(u"nvidia.com/sriovlegacy"_qs, { u"nvidia.com/sriovlegacy"_qs }), 4, 4, 0 }
        };
        QVERIFY(!Model::gpuInfo(node, resources));
    }
};

QTEST_GUILESS_MAIN(TestGpuInfo)
#include "tst_gpuinfo.moc"
