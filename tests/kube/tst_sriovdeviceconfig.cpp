// SPDX-License-Identifier: GPL-3.0-or-later
// The SR-IOV network device plugin's config.json, from its real ConfigMaps and README.
#include "kube/resourceparsers.h"
#include "kube/sriovdeviceconfig.h"
#include "kubetestdata.h"

#include <QTest>

using namespace Specula;
using Kube::ResourceKind;
using Kube::ResourceParsers;
using Kube::SriovDpResource;

namespace {

QList<Kube::ConfigMap> configMaps(const QString &file)
{
    QList<Kube::ConfigMap> maps;
    const QByteArray json = Test::kubeTestData(file);
    if (Test::jsonObject(json).contains(u"items"_qs)) {
        auto page = ResourceParsers::parseList(ResourceKind::ConfigMap, json);
        if (!page)
            qFatal("%s: %s", qPrintable(file), qPrintable(page.error().toString()));
        for (const Kube::Resource &item : page->items)
            maps << std::get<Kube::ConfigMap>(item);
        return maps;
    }
    auto one = ResourceParsers::parseConfigMap(Test::jsonObject(json));
    if (!one)
        qFatal("%s: %s", qPrintable(file), qPrintable(one.error().toString()));
    return { *one };
}

} // namespace

class TestSriovDeviceConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultConfigMap()
    {
        const QList<Kube::ConfigMap> maps = configMaps(u"configmaplist_sriovdp-config_default_rdma-mixed.json"_qs);
        QCOMPARE(maps.size(), 2);
        QCOMPARE(maps.first().meta.name, u"sriovdp-config"_qs);
        QCOMPARE(maps.first().meta.namespaceName, u"kube-system"_qs);
        QVERIFY(maps.first().data.contains(u"config.json"_qs));

        const QList<Kube::SriovDeviceConfigEntry> entries = Kube::sriovDeviceConfigsOf(maps.first());
        QCOMPARE(entries.size(), 1);
        QVERIFY(entries.first().nodeName.isEmpty()); // every node
        QCOMPARE(entries.first().key, u"config.json"_qs);
        QVERIFY(!entries.first().error);
        const QList<SriovDpResource> &resources = entries.first().resources;
        QCOMPARE(resources.size(), 4);
        QCOMPARE(resources.at(0).resourceName, u"intel_sriov_netdevice"_qs);
        QVERIFY(resources.at(0).resourcePrefix.isEmpty());
        QCOMPARE(resources.at(0).deviceType, u"netDevice"_qs); // the plugin's default
        QCOMPARE(resources.at(0).selectors.size(), 1);
        QCOMPARE(resources.at(0).selectors.first().devices, (QStringList { u"154c"_qs, u"10ed"_qs, u"1889"_qs }));
        QCOMPARE(resources.at(0).selectors.first().drivers, (QStringList { u"i40evf"_qs, u"iavf"_qs, u"ixgbevf"_qs }));
        QVERIFY(!resources.at(0).selectors.first().isRdma);
        QCOMPARE(resources.at(1).selectors.first().pfNames, (QStringList { u"enp0s0f0"_qs, u"enp2s2f1"_qs }));
        QCOMPARE(resources.at(2).selectors.first().isRdma, true);
        QCOMPARE(resources.at(3).selectors.first().vendors, QStringList { u"14e4"_qs });
    }

    // "selectors" as a list (new syntax) and as an object (old syntax) in one file.
    void selectorForms_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("resourceName");
        QTest::addColumn<QString>("resourcePrefix");
        QTest::addColumn<QString>("vendor");
        QTest::addColumn<QStringList>("devices");
        QTest::addRow("list-form") << 0 << u"mlnx_rdma"_qs << u"mellanox.com"_qs << u"15b3"_qs
                                   << QStringList { u"1016"_qs, u"1018"_qs };
        QTest::addRow("object-form") << 1 << u"intel_rdma"_qs << QString() << u"8086"_qs << QStringList { u"1889"_qs };
    }
    void selectorForms()
    {
        QFETCH(int, index);
        const QList<Kube::ConfigMap> maps = configMaps(u"configmaplist_sriovdp-config_default_rdma-mixed.json"_qs);
        const QList<Kube::SriovDeviceConfigEntry> entries = Kube::sriovDeviceConfigsOf(maps.at(1));
        QCOMPARE(entries.size(), 1);
        QVERIFY(!entries.first().error);
        QCOMPARE(entries.first().resources.size(), 2);
        const SriovDpResource &resource = entries.first().resources.at(index);
        QTEST(resource.resourceName, "resourceName");
        QTEST(resource.resourcePrefix, "resourcePrefix");
        QCOMPARE(resource.selectors.size(), 1);
        QTEST(resource.selectors.first().vendors.value(0), "vendor");
        QTEST(resource.selectors.first().devices, "devices");
        QCOMPARE(resource.selectors.first().isRdma, true);
    }

    // The README example has a trailing comma: one error with its line and column.
    void readmeExampleInvalid()
    {
        const QByteArray json = Test::sharedFixture(u"sriovdp_config_readme_all-device-types_INVALID-JSON.json"_qs);
        auto parsed = Kube::parseSriovDeviceConfig(json, u"config.json"_qs);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().kind, Core::Error::Kind::Parse);
        QCOMPARE(parsed.error().where, u"config.json"_qs);
        // "}],"  on line 86 is followed by "}" on line 87.
        QVERIFY2(parsed.error().message.startsWith(u"invalid JSON at line 87, column "_qs),
                 qPrintable(parsed.error().message));
    }

    // With that one comma removed, every device type and selector of the README.
    void readmeExampleFixed_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("resourceName");
        QTest::addColumn<QString>("deviceType");
        QTest::addColumn<QString>("resourcePrefix");
        QTest::addColumn<QStringList>("pfNames");
        QTest::addColumn<QStringList>("linkTypes");
        QTest::addRow("dpdk-with-prefix") << 1 << u"intel_sriov_dpdk"_qs << u"netDevice"_qs << u"intel.com"_qs
                                          << QStringList { u"enp0s0f0"_qs, u"enp2s2f1"_qs } << QStringList();
        QTest::addRow("infiniband-link-type") << 3 << u"infiniband_rdma_netdevs"_qs << u"netDevice"_qs << QString()
                                              << QStringList() << QStringList { u"infiniband"_qs };
        QTest::addRow("accelerator") << 5 << u"intel_fpga"_qs << u"accelerator"_qs << QString() << QStringList()
                                     << QStringList();
        QTest::addRow("aux-with-vf-range") << 6 << u"bf2_sf"_qs << u"auxNetDevice"_qs << u"nvidia.com"_qs
                                           << QStringList { u"p0#1-5"_qs } << QStringList();
        QTest::addRow("old-syntax-last") << 9 << u"old_selectors_syntax_example"_qs << u"netDevice"_qs << QString()
                                         << QStringList() << QStringList();
    }
    void readmeExampleFixed()
    {
        QFETCH(int, index);
        QByteArray json = Test::sharedFixture(u"sriovdp_config_readme_all-device-types_INVALID-JSON.json"_qs);
        const qsizetype comma = json.indexOf("}],\n        },");
        QVERIFY(comma > 0);
        json.remove(comma + 2, 1);
        auto parsed = Kube::parseSriovDeviceConfig(json, u"config.json"_qs);
        QVERIFY2(parsed, qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
        QCOMPARE(parsed->size(), 10);
        const SriovDpResource &resource = parsed->at(index);
        QTEST(resource.resourceName, "resourceName");
        QTEST(resource.deviceType, "deviceType");
        QTEST(resource.resourcePrefix, "resourcePrefix");
        QCOMPARE(resource.selectors.size(), 1);
        QTEST(resource.selectors.first().pfNames, "pfNames");
        QTEST(resource.selectors.first().linkTypes, "linkTypes");
    }

    // The operator's per-node ConfigMap: one key per node, Go field names ("IsRdma").
    void operatorPerNode()
    {
        const QList<Kube::ConfigMap> maps = configMaps(u"configmap_device-plugin-config_operator.json"_qs);
        const QList<Kube::SriovDeviceConfigEntry> entries = Kube::sriovDeviceConfigsOf(maps.first());
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(0).nodeName, u"cnfdf06.ran.dfwt5g.lab"_qs);
        QCOMPARE(entries.at(1).nodeName, u"worker1.ocp1.r450.org"_qs);
        QVERIFY(!entries.at(0).error);
        QCOMPARE(entries.at(0).resources.size(), 1);
        const Kube::SriovDpSelector &mlx = entries.at(0).resources.first().selectors.first();
        QCOMPARE(mlx.isRdma, true); // written "IsRdma"
        QCOMPARE(mlx.pfNames, QStringList { u"ens5f0#0-5"_qs });
        QCOMPARE(mlx.rootDevices, QStringList { u"0000:86:00.0"_qs });
        QCOMPARE(entries.at(1).resources.size(), 2);
        QCOMPARE(entries.at(1).resources.at(1).resourceName, u"sriov_ens3f1"_qs);
        QCOMPARE(entries.at(1).resources.at(1).selectors.first().isRdma, false);
    }

    // ConfigMap data is a string map; binaryData is not read.
    void configMapObject_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("keys"); // -1: a Parse error is expected
        QTest::addColumn<QString>("message");
        QTest::addRow("no-data") << QByteArray(R"({"metadata":{"name":"empty","namespace":"ns"}})") << 0 << QString();
        QTest::addRow("binary-data-ignored")
            << QByteArray(R"({"metadata":{"name":"b","namespace":"ns"},"data":{"a":"1"},"binaryData":{"b":"AAE="}})")
            << 1 << QString();
        QTest::addRow("value-number") << QByteArray(R"({"metadata":{"name":"x","namespace":"ns"},"data":{"a":1}})")
                                      << -1 << u"data: value of \"a\": expected a string, got a number"_qs;
        QTest::addRow("data-array") << QByteArray(R"({"metadata":{"name":"x","namespace":"ns"},"data":[]})") << -1
                                    << u"data: expected an object, got an array"_qs;
    }
    void configMapObject()
    {
        QFETCH(QByteArray, json);
        QFETCH(int, keys);
        QFETCH(QString, message);
        auto parsed = ResourceParsers::parseObject(ResourceKind::ConfigMap, Test::jsonObject(json));
        QCOMPARE(parsed.ok(), keys >= 0);
        if (keys >= 0) {
            QCOMPARE(std::get<Kube::ConfigMap>(*parsed).data.size(), keys);
        } else {
            QCOMPARE(parsed.error().where, u"ConfigMap ns/x"_qs);
            QCOMPARE(parsed.error().message, message);
        }
    }

    // One broken key does not hide the other nodes; other ConfigMaps hold no config.
    void configMapSelection_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("keys");
        QTest::addColumn<QStringList>("values");
        QTest::addColumn<QStringList>("nodes"); // "*" for every node
        QTest::addColumn<QStringList>("errors"); // per entry: empty or the start of the message
        const QString good = uR"({"resourceList":[{"resourceName":"a","selectors":{"vendors":["8086"]}}]})"_qs;
        QTest::addRow("other-configmap") << u"kube-root-ca.crt"_qs << QStringList { u"config.json"_qs }
                                         << QStringList { good } << QStringList() << QStringList();
        QTest::addRow("standalone-per-node-keys")
            << u"sriovdp-config"_qs << QStringList { u"sriov-node-0"_qs, u"sriov-node-1"_qs }
            << QStringList { good, good } << QStringList { u"sriov-node-0"_qs, u"sriov-node-1"_qs }
            << QStringList { QString(), QString() };
        QTest::addRow("operator-one-broken")
            << u"device-plugin-config"_qs << QStringList { u"node-a"_qs, u"node-b"_qs }
            << QStringList { good, u"{\"resourceList\":[}"_qs } << QStringList { u"node-a"_qs, u"node-b"_qs }
            << QStringList { QString(), u"invalid JSON at line 1, column"_qs };
        QTest::addRow("selectors-string")
            << u"sriovdp-config"_qs << QStringList { u"config.json"_qs }
            << QStringList { uR"({"resourceList":[{"resourceName":"a","selectors":"all"}]})"_qs }
            << QStringList { u"*"_qs }
            << QStringList { u"resourceList[0].selectors: expected an object or an array of objects, got a string"_qs };
        QTest::addRow("selector-list-item-number")
            << u"sriovdp-config"_qs << QStringList { u"config.json"_qs }
            << QStringList { uR"({"resourceList":[{"resourceName":"a","selectors":[{},{"vendors":[8086]}]}]})"_qs }
            << QStringList { u"*"_qs }
            << QStringList { u"resourceList[0].selectors[1].vendors[0]: expected a string, got a number"_qs };
        QTest::addRow("isrdma-string") << u"sriovdp-config"_qs << QStringList { u"config.json"_qs }
                                       << QStringList { uR"({"resourceList":[{"selectors":{"isRdma":"yes"}}]})"_qs }
                                       << QStringList { u"*"_qs }
                                       << QStringList { u"resourceList[0].selectors.isRdma: expected a boolean"_qs };
        QTest::addRow("no-resource-list-array")
            << u"sriovdp-config"_qs << QStringList { u"config.json"_qs } << QStringList { u"[]"_qs }
            << QStringList { u"*"_qs } << QStringList { u"expected a JSON object"_qs };
    }
    void configMapSelection()
    {
        QFETCH(QString, name);
        QFETCH(QStringList, keys);
        QFETCH(QStringList, values);
        QFETCH(QStringList, nodes);
        QFETCH(QStringList, errors);
        Kube::ConfigMap map;
        map.meta.name = name;
        map.meta.namespaceName = u"sriov-network-operator"_qs;
        for (qsizetype i = 0; i < keys.size(); ++i)
            map.data.insert(keys.at(i), values.at(i));
        const QList<Kube::SriovDeviceConfigEntry> entries = Kube::sriovDeviceConfigsOf(map);
        QCOMPARE(entries.size(), nodes.size());
        for (qsizetype i = 0; i < entries.size(); ++i) {
            QCOMPARE(entries.at(i).nodeName.isEmpty() ? u"*"_qs : entries.at(i).nodeName, nodes.at(i));
            QCOMPARE(bool(entries.at(i).error), !errors.at(i).isEmpty());
            if (entries.at(i).error) {
                QVERIFY(entries.at(i).resources.isEmpty());
                QCOMPARE(entries.at(i).error->where,
                         u"ConfigMap sriov-network-operator/"_qs + name + QLatin1Char(' ') + entries.at(i).key);
                QVERIFY2(entries.at(i).error->message.startsWith(errors.at(i)),
                         qPrintable(entries.at(i).error->message));
            } else {
                QCOMPARE(entries.at(i).resources.size(), 1);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestSriovDeviceConfig)
#include "tst_sriovdeviceconfig.moc"
