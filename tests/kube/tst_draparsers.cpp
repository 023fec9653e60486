// SPDX-License-Identifier: GPL-3.0-or-later
// Dynamic Resource Allocation: ResourceSlices in the v1 and v1beta1 shapes, ResourceClaims.
#include "kube/resourceparsers.h"
#include "kubetestdata.h"

#include <QTest>

using namespace Specula;
using Core::Quantity;
using Kube::ResourceKind;
using Kube::ResourceParsers;

namespace {

Quantity q(const char *text)
{
    return *Quantity::parse(QString::fromLatin1(text));
}

} // namespace

class TestDraParsers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // resource.k8s.io/v1: attributes and capacity directly on the device; whole GPUs and MIG
    // devices as the NVIDIA driver publishes them.
    void v1SliceList()
    {
        auto page = ResourceParsers::parseList(ResourceKind::ResourceSlice,
                                               Test::kubeTestData(u"resourceslicelist_v1_gpu-and-mig_aks.json"_qs));
        QVERIFY2(page, qPrintable(page.ok() ? QString() : page.error().toString()));
        QCOMPARE(page->resourceVersion, u"512600"_qs);
        QCOMPARE(page->items.size(), 2);

        const auto &gpus = std::get<Kube::ResourceSlice>(page->items.at(0));
        QCOMPARE(gpus.meta.name, u"aks-gpupool-15127565-vmss000002-gpu.nvidia.com-x7k2q"_qs);
        QVERIFY(gpus.meta.namespaceName.isEmpty());
        QCOMPARE(gpus.driver, u"gpu.nvidia.com"_qs);
        QCOMPARE(gpus.nodeName, u"aks-gpupool-15127565-vmss000002"_qs);
        QCOMPARE(gpus.poolName, u"aks-gpupool-15127565-vmss000002"_qs);
        QCOMPARE(gpus.devices.size(), 2);
        const Kube::DraDevice &gpu1 = gpus.devices.at(1);
        QCOMPARE(gpu1.name, u"gpu-1"_qs);
        QCOMPARE(gpu1.attributes.value(u"type"_qs), u"gpu"_qs);
        QCOMPARE(gpu1.attributes.value(u"uuid"_qs), u"GPU-13719f71-412c-d11e-b236-a262f530a4fc"_qs);
        QCOMPARE(gpu1.attributes.value(u"productName"_qs), u"NVIDIA A100 80GB PCIe"_qs);
        QCOMPARE(gpu1.attributes.value(u"driverVersion"_qs), u"580.95.5"_qs); // a version attribute
        QCOMPARE(gpu1.attributes.value(u"pcieBusID"_qs), u"0000:00:07.0"_qs);
        // Qualified names are kept as given.
        QCOMPARE(gpu1.attributes.value(u"resource.kubernetes.io/pcieRoot"_qs), u"pci0000:00"_qs);
        QCOMPARE(gpu1.capacity.value(u"memory"_qs), q("80Gi"));

        const auto &migs = std::get<Kube::ResourceSlice>(page->items.at(1));
        QCOMPARE(migs.devices.size(), 3);
        const Kube::DraDevice &mig = migs.devices.at(0);
        QCOMPARE(mig.name, u"gpu-0-mig-9-0-4"_qs);
        QCOMPARE(mig.attributes.value(u"type"_qs), u"mig"_qs);
        QCOMPARE(mig.attributes.value(u"profile"_qs), u"3g.40gb"_qs);
        QCOMPARE(mig.attributes.value(u"parentUUID"_qs), u"GPU-ddf64803-f421-0e5b-883e-cd752de16db7"_qs);
        QCOMPARE(mig.capacity.value(u"memory"_qs), q("40192Mi"));
        QCOMPARE(mig.capacity.value(u"multiprocessors"_qs), Quantity::fromValue(42));
        QCOMPARE(mig.capacity.value(u"memorySlice3"_qs), Quantity::fromValue(1));
        QVERIFY(!mig.capacity.contains(u"memorySlice4"_qs));
        QCOMPARE(migs.devices.at(2).attributes.value(u"profile"_qs), u"1g.10gb"_qs);
    }

    // resource.k8s.io/v1beta1 nests attributes and capacity under "basic".
    void v1beta1Basic()
    {
        auto slice = ResourceParsers::parseResourceSlice(
            Test::jsonObject(Test::kubeTestData(u"resourceslice_v1beta1_gb200_basic.json"_qs)));
        QVERIFY2(slice, qPrintable(slice.ok() ? QString() : slice.error().toString()));
        QCOMPARE(slice->nodeName, u"gb200-rack1-tray3"_qs);
        QCOMPARE(slice->devices.size(), 2);
        const Kube::DraDevice &gpu = slice->devices.at(1);
        QCOMPARE(gpu.name, u"gpu-3"_qs);
        QCOMPARE(gpu.attributes.value(u"index"_qs), u"3"_qs); // an int attribute
        QCOMPARE(gpu.attributes.value(u"minor"_qs), u"3"_qs);
        QCOMPARE(gpu.attributes.value(u"productName"_qs), u"NVIDIA GB200"_qs);
        QCOMPARE(gpu.attributes.value(u"cudaComputeCapability"_qs), u"10.0.0"_qs);
        QCOMPARE(gpu.capacity.value(u"memory"_qs), q("189471Mi"));
        QCOMPARE(gpu.attributes.size(), 11);
    }

    // Each attribute type becomes text; the row fails if its type is dropped.
    void attributeTypes_data()
    {
        QTest::addColumn<QByteArray>("attribute");
        QTest::addColumn<QString>("text");
        QTest::addRow("int") << QByteArray(R"({"int":7})") << u"7"_qs;
        QTest::addRow("int-negative") << QByteArray(R"({"int":-1})") << u"-1"_qs;
        QTest::addRow("int-large") << QByteArray(R"({"int":4294967296})") << u"4294967296"_qs;
        QTest::addRow("bool-true") << QByteArray(R"({"bool":true})") << u"true"_qs;
        QTest::addRow("bool-false") << QByteArray(R"({"bool":false})") << u"false"_qs;
        QTest::addRow("string") << QByteArray(R"({"string":"NVIDIA H100 80GB HBM3"})") << u"NVIDIA H100 80GB HBM3"_qs;
        QTest::addRow("version") << QByteArray(R"({"version":"1.2.3-rc.1"})") << u"1.2.3-rc.1"_qs;
    }
    void attributeTypes()
    {
        QFETCH(QByteArray, attribute);
        QFETCH(QString, text);
        for (const char *shape : { "v1", "v1beta1" }) {
            const QByteArray device = R"({"name":"d","attributes":{"gpu.example.com/x":)" + attribute + "}}";
            const QByteArray json = R"({"metadata":{"name":"s"},"spec":{"driver":"x","devices":[)"
                + (qstrcmp(shape, "v1") == 0 ? device : R"({"name":"d","basic":)" + device + "}") + "]}}";
            auto slice = ResourceParsers::parseResourceSlice(Test::jsonObject(json));
            QVERIFY2(slice, qPrintable(slice.ok() ? QString() : slice.error().toString()));
            QCOMPARE(slice->devices.first().attributes.value(u"gpu.example.com/x"_qs), text);
        }
    }

    void claims()
    {
        auto page = ResourceParsers::parseList(ResourceKind::ResourceClaim,
                                               Test::kubeTestData(u"resourceclaimlist_v1_mig.json"_qs));
        QVERIFY2(page, qPrintable(page.ok() ? QString() : page.error().toString()));
        QCOMPARE(page->items.size(), 3);
        const auto &one = std::get<Kube::ResourceClaim>(page->items.at(0));
        QCOMPARE(one.meta.namespaceName, u"ml"_qs);
        QCOMPARE(one.allocations.size(), 1);
        QCOMPARE(one.allocations.first().request, u"gpu"_qs);
        QCOMPARE(one.allocations.first().driver, u"gpu.nvidia.com"_qs);
        QCOMPARE(one.allocations.first().pool, u"aks-migpool-68842551-vmss000001"_qs);
        QCOMPARE(one.allocations.first().device, u"gpu-0-mig-19-4-1"_qs);
        QCOMPARE(one.reservedFor.size(), 1);
        QCOMPARE(one.reservedFor.first().resource, u"pods"_qs);
        QCOMPARE(one.reservedFor.first().name, u"inference-0"_qs);
        QCOMPARE(one.reservedFor.first().uid, u"8d4f3a2b-1c0e-4f9d-8e7c-6b5a49382716"_qs);

        const auto &shared = std::get<Kube::ResourceClaim>(page->items.at(1));
        QCOMPARE(shared.allocations.first().device, u"gpu-0-mig-9-0-4"_qs);
        QCOMPARE(shared.reservedFor.size(), 2);
        QCOMPARE(shared.reservedFor.last().name, u"trainer-b"_qs);

        const auto &pending = std::get<Kube::ResourceClaim>(page->items.at(2));
        QVERIFY(pending.allocations.isEmpty());
        QVERIFY(pending.reservedFor.isEmpty());
    }

    void malformed_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("message");
        const int slice = int(ResourceKind::ResourceSlice);
        const int claim = int(ResourceKind::ResourceClaim);
        auto device = [](const char *body) -> QByteArray {
            return QByteArray(R"({"metadata":{"name":"s"},"spec":{"devices":[{"name":"a"},)") + body + "]}}";
        };
        QTest::addRow("attribute-none-set")
            << slice << device(R"({"name":"b","attributes":{"uuid":{}}})") << u"ResourceSlice s"_qs
            << u"spec.devices[1].attributes: \"uuid\": none of int, bool, string or version is set"_qs;
        QTest::addRow("attribute-not-object")
            << slice << device(R"({"name":"b","attributes":{"uuid":"GPU-1"}})") << u"ResourceSlice s"_qs
            << u"spec.devices[1].attributes: \"uuid\": expected an object, got a string"_qs;
        QTest::addRow("attribute-int-fraction")
            << slice << device(R"({"name":"b","attributes":{"index":{"int":1.5}}})") << u"ResourceSlice s"_qs
            << u"spec.devices[1].attributes: \"index\".int: expected an integer"_qs;
        QTest::addRow("attribute-bool-string")
            << slice << device(R"({"name":"b","attributes":{"x":{"bool":"yes"}}})") << u"ResourceSlice s"_qs
            << u"spec.devices[1].attributes: \"x\".bool: expected a boolean, got a string"_qs;
        QTest::addRow("attribute-version-number")
            << slice << device(R"({"name":"b","basic":{"attributes":{"v":{"version":1}}}})") << u"ResourceSlice s"_qs
            << u"spec.devices[1].basic.attributes: \"v\".version: expected a string, got a number"_qs;
        QTest::addRow("capacity-not-quantity")
            << slice << device(R"({"name":"b","capacity":{"memory":{"value":"lots"}}})") << u"ResourceSlice s"_qs
            << u"spec.devices[1].capacity: \"memory\".value: not a quantity: \"lots\""_qs;
        QTest::addRow("capacity-bare-string")
            << slice << device(R"({"name":"b","capacity":{"memory":"80Gi"}})") << u"ResourceSlice s"_qs
            << u"spec.devices[1].capacity: \"memory\": expected an object, got a string"_qs;
        QTest::addRow("basic-not-object") << slice << device(R"({"name":"b","basic":[]})") << u"ResourceSlice s"_qs
                                          << u"spec.devices[1].basic: expected an object, got an array"_qs;
        QTest::addRow("pool-string") << slice << QByteArray(R"({"metadata":{"name":"s"},"spec":{"pool":"p"}})")
                                     << u"ResourceSlice s"_qs << u"spec.pool: expected an object, got a string"_qs;
        QTest::addRow("claim-results-object")
            << claim << QByteArray(R"({"metadata":{"name":"c","namespace":"ml"},
                "status":{"allocation":{"devices":{"results":{}}}}})")
            << u"ResourceClaim ml/c"_qs << u"status.allocation.devices.results: expected an array, got an object"_qs;
        QTest::addRow("claim-reserved-name-number")
            << claim << QByteArray(R"({"metadata":{"name":"c"},"status":{"reservedFor":[{"name":1}]}})")
            << u"ResourceClaim c"_qs << u"status.reservedFor[0].name: expected a string, got a number"_qs;
    }
    void malformed()
    {
        QFETCH(int, kind);
        QFETCH(QByteArray, json);
        QFETCH(QString, where);
        QFETCH(QString, message);
        auto parsed = ResourceParsers::parseObject(ResourceKind(kind), Test::jsonObject(json));
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().kind, Core::Error::Kind::Parse);
        QCOMPARE(parsed.error().where, where);
        QVERIFY2(parsed.error().message.startsWith(message), qPrintable(parsed.error().message));
    }
};

QTEST_GUILESS_MAIN(TestDraParsers)
#include "tst_draparsers.moc"
