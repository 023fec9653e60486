// SPDX-License-Identifier: GPL-3.0-or-later
#include "sim/keplermetrics.h"

#include "sim/dcgmmetrics.h"
#include "sim/gpufleet.h"

#include <QCryptographicHash>
#include <QtEndian>
#include <cmath>
#include <numbers>

namespace Specula::Sim {

namespace {

constexpr double kT0 = KeplerMetrics::kStartTime;

// One part of a power draw: watts(t) and its exact integral from kT0.
struct Term
{
    enum class Kind { Constant, Sine, GpuLoad, GpuPower } kind = Kind::Constant;
    double k = 0; // watts, amplitude, or scale
    double w = 1, phase = 0; // Sine
    qsizetype device = -1; // GpuLoad, GpuPower: index in the fleet
};

struct PowerModel
{
    std::shared_ptr<const GpuFleet> fleet;
    QList<Term> terms;

    double watts(double t) const
    {
        double sum = 0;
        for (const Term &term : terms) {
            switch (term.kind) {
            case Term::Kind::Constant:
                sum += term.k;
                break;
            case Term::Kind::Sine:
                sum += term.k * std::sin(term.w * t + term.phase);
                break;
            case Term::Kind::GpuLoad:
                sum += term.k * DcgmMetrics::load(fleet->seed(), fleet->devices()[term.device], t);
                break;
            case Term::Kind::GpuPower:
                sum += term.k * DcgmMetrics::powerWatts(fleet->seed(), fleet->devices()[term.device], t);
                break;
            }
        }
        return sum;
    }
    double joules(double t) const
    {
        double sum = 0;
        for (const Term &term : terms) {
            switch (term.kind) {
            case Term::Kind::Constant:
                sum += term.k * (t - kT0);
                break;
            case Term::Kind::Sine:
                sum -= term.k / term.w * (std::cos(term.w * t + term.phase) - std::cos(term.w * kT0 + term.phase));
                break;
            case Term::Kind::GpuLoad:
                sum += term.k * DcgmMetrics::loadIntegral(fleet->seed(), fleet->devices()[term.device], kT0, t);
                break;
            case Term::Kind::GpuPower:
                sum += term.k * DcgmMetrics::energyJoules(fleet->seed(), fleet->devices()[term.device], kT0, t);
                break;
            }
        }
        return sum;
    }
};

using Model = std::shared_ptr<const PowerModel>;

std::function<std::optional<double>(qint64)> wattsOf(const Model &model, double scale)
{
    return [model, scale](qint64 t) { return std::optional(scale * model->watts(double(t))); };
}

std::function<std::optional<double>(qint64)> joulesOf(const Model &model, double scale)
{
    return
        [model, scale](qint64 t) { return t < kT0 ? std::nullopt : std::optional(scale * model->joules(double(t))); };
}

quint64 hashOf(const QString &text)
{
    const QByteArray digest = QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Md5);
    return qFromBigEndian<quint64>(digest.constData());
}

// A pod's CPU power: its own slow wave, plus a part that follows the GPUs it holds (feeding them).
// GPU power: its share of each device it holds (a time-slice gets 1/holders).
struct PodPower
{
    Model cpu;
    Model gpu; // null: the pod holds no GPU
};

PodPower podPower(const MetricContext &context, const PodDesc &pod, const QHash<QString, QList<qsizetype>> &held)
{
    constexpr double twoPi = 2 * std::numbers::pi;
    const quint64 h = hashOf(pod.ns + u'/' + pod.name);
    auto cpu = std::make_shared<PowerModel>();
    cpu->fleet = context.fleet;
    cpu->terms.append({ Term::Kind::Constant, 2.0 + double(h % 1500) / 100.0 });
    cpu->terms.append({ Term::Kind::Sine, 1.0 + double((h >> 12) % 300) / 100.0, twoPi / double(600 + (h >> 20) % 1800),
                        double((h >> 32) % 1000) / 1000.0 * twoPi });
    PodPower power;
    const QList<qsizetype> devices = held.value(pod.ns + u'/' + pod.name);
    if (!devices.isEmpty()) {
        auto gpu = std::make_shared<PowerModel>();
        gpu->fleet = context.fleet;
        for (const qsizetype d : devices) {
            const GpuDevice &device = context.fleet->devices()[d];
            cpu->terms.append({ Term::Kind::GpuLoad, 9.0, 1, 0, d });
            gpu->terms.append({ Term::Kind::GpuPower, 1.0 / double(device.holders.size()), 1, 0, d });
        }
        power.gpu = gpu;
    }
    power.cpu = cpu;
    return power;
}

struct Zone
{
    QString name;
    double factor; // of the pod's package power
    double idle; // the node's idle watts in this zone
};

const QList<Zone> &newZones()
{
    static const QList<Zone> zones = { { QStringLiteral("package"), 1.0, 58.0 },
                                       { QStringLiteral("core"), 0.62, 21.0 },
                                       { QStringLiteral("dram"), 0.21, 11.0 } };
    return zones;
}

// ≤ 0.9: "other" is platform − package − dram; uncore sits inside package.
const QList<Zone> &legacyZones()
{
    static const QList<Zone> zones = { { QStringLiteral("package"), 1.0, 58.0 },
                                       { QStringLiteral("core"), 0.62, 21.0 },
                                       { QStringLiteral("uncore"), 0.06, 4.0 },
                                       { QStringLiteral("dram"), 0.21, 11.0 },
                                       { QStringLiteral("other"), 0.12, 35.0 } };
    return zones;
}

struct Builder
{
    MetricSet &set;
    const MetricContext &context;
    QHash<QString, SimFamily> families;
    QHash<QString, QStringList> nodesOf;
    QStringList order;

    SimFamily &family(const QString &name, bool counter, const QString &help)
    {
        if (!families.contains(name)) {
            SimFamily f;
            f.name = name;
            f.type = counter ? QStringLiteral("counter") : QStringLiteral("gauge");
            f.help = help;
            f.exporter = QStringLiteral("kepler");
            families.insert(name, f);
            order.append(name);
        }
        return families[name];
    }
    void add(const QString &name, bool counter, const QString &help, Prom::Labels labels,
             std::function<std::optional<double>(qint64)> value, const QString &node)
    {
        SimFamily &f = family(name, counter, help);
        labels.insert(QStringLiteral("__name__"), name);
        f.series.append({ std::move(labels), std::move(value) });
        nodesOf[name].append(node);
    }
    void finish()
    {
        const PageLabels page = MetricSet::clientGolangPage();
        for (const QString &name : std::as_const(order))
            set.addFamily(families.take(name), page, nodesOf.take(name));
    }
};

QString gpuName(const GpuDevice &device)
{
    return device.modelName;
}

} // namespace

QStringList KeplerMetrics::zones()
{
    QStringList names;
    for (const Zone &zone : newZones())
        names.append(zone.name);
    return names;
}

void KeplerMetrics::addFamilies(MetricSet &set, const MetricContext &context)
{
    const KeplerGeneration generation = context.config.kepler;
    const bool legacy = generation == KeplerGeneration::Legacy;
    const bool withGpu = generation == KeplerGeneration::ZonedGpu || legacy;
    const auto &devices = context.fleet->devices();
    QHash<QString, QList<qsizetype>> held; // "ns/pod" → devices
    QHash<QString, QList<qsizetype>> gpusOf; // node → physical GPUs
    for (qsizetype d = 0; d < devices.size(); ++d) {
        for (const auto &holder : devices[d].holders)
            held[holder.ns + u'/' + holder.pod].append(d);
        if (!devices[d].isInstance())
            gpusOf[devices[d].node].append(d);
    }

    Builder b { set, context, {}, {}, {} };
    const QString job = legacy ? QStringLiteral("kepler-exporter") : QStringLiteral("kepler");
    for (const NodeDesc &node : context.scenario->nodes) {
        const QList<const PodDesc *> pods = context.runningPods.value(node.name);
        // Kepler's ServiceMonitor (≤ 0.9) relabels instance to the node; the new one scrapes the
        // host network port.
        const QString instance = legacy
            ? node.name
            : (node.internalIP.isEmpty() ? MetricContext::hostIp(node.name) : node.internalIP)
                + QStringLiteral(":28282");
        Prom::Labels base { { QStringLiteral("job"), job }, { QStringLiteral("instance"), instance } };
        if (!legacy)
            base.insert(QStringLiteral("node_name"), node.name);

        // Node totals: idle per zone plus every pod's share.
        auto nodeCpu = std::make_shared<PowerModel>();
        nodeCpu->fleet = context.fleet;
        QList<std::pair<const PodDesc *, PodPower>> powers;
        for (const PodDesc *pod : pods) {
            PodPower power = podPower(context, *pod, held);
            nodeCpu->terms += power.cpu->terms;
            powers.append({ pod, std::move(power) });
        }
        const Model nodeModel = nodeCpu;

        if (legacy) {
            Prom::Labels info = base;
            info.insert(QStringLiteral("goarch"), QStringLiteral("amd64"));
            info.insert(QStringLiteral("goos"), QStringLiteral("linux"));
            info.insert(QStringLiteral("goversion"), QStringLiteral("go1.21.9"));
            info.insert(QStringLiteral("revision"), QStringLiteral("release-0.7.12"));
            info.insert(QStringLiteral("version"), QStringLiteral("release-0.7.12"));
            b.add(
                QStringLiteral("kepler_exporter_build_info"), false,
                QStringLiteral("A metric with a constant '1' value labeled by version, revision, branch, goversion "
                               "from which kepler_exporter was built, and the goos and goarch for the build."),
                info, [](qint64) { return std::optional(1.0); }, node.name);
            auto idle = std::make_shared<PowerModel>();
            idle->terms.append({ Term::Kind::Constant, 1.0 });
            const Model idleModel = idle;
            for (const Zone &zone : legacyZones()) {
                const QString name = QStringLiteral("kepler_node_%1_joules_total").arg(zone.name);
                const QString help = QStringLiteral("Aggregated value in %1 value from %2")
                                         .arg(zone.name, zone.name == u"other" ? u"acpi"_qs : u"rapl-sysfs"_qs);
                for (const bool dynamic : { true, false }) {
                    Prom::Labels labels = base;
                    labels.insert(QStringLiteral("exported_instance"), node.name);
                    labels.insert(QStringLiteral("mode"), dynamic ? QStringLiteral("dynamic") : QStringLiteral("idle"));
                    labels.insert(QStringLiteral("package"), QStringLiteral("0"));
                    labels.insert(QStringLiteral("source"),
                                  zone.name == u"other" ? QStringLiteral("acpi") : QStringLiteral("rapl-sysfs"));
                    b.add(name, true, help, labels,
                          dynamic ? joulesOf(nodeModel, zone.factor) : joulesOf(idleModel, zone.idle), node.name);
                }
            }
            // platform: everything the node draws, the sum of package, dram and other.
            double platformFactor = 0, platformIdle = 0;
            for (const Zone &zone : legacyZones()) {
                if (zone.name == u"package" || zone.name == u"dram" || zone.name == u"other") {
                    platformFactor += zone.factor;
                    platformIdle += zone.idle;
                }
            }
            for (const bool dynamic : { true, false }) {
                Prom::Labels labels = base;
                labels.insert(QStringLiteral("exported_instance"), node.name);
                labels.insert(QStringLiteral("mode"), dynamic ? QStringLiteral("dynamic") : QStringLiteral("idle"));
                labels.insert(QStringLiteral("source"), QStringLiteral("acpi"));
                b.add(QStringLiteral("kepler_node_platform_joules_total"), true,
                      QStringLiteral("Aggregated value in platform value from acpi"), labels,
                      dynamic ? joulesOf(nodeModel, platformFactor) : joulesOf(idleModel, platformIdle), node.name);
            }
            for (const PodDesc *pod : pods) {
                const PodPower &power = std::find_if(powers.begin(), powers.end(), [pod](const auto &p) {
                                            return p.first == pod;
                                        })->second;
                QList<const ContainerDesc *> containers;
                for (const auto &c : pod->initContainers) {
                    if (c.sidecar)
                        containers.append(&c);
                }
                for (const auto &c : pod->containers)
                    containers.append(&c);
                const double share = 1.0 / double(std::max<qsizetype>(1, containers.size()));
                const double idleShare = 1.0 / double(std::max<qsizetype>(1, pods.size()));
                const QString uid = context.podUid(*pod);
                for (const ContainerDesc *c : std::as_const(containers)) {
                    Prom::Labels labels = base;
                    labels.insert(QStringLiteral("container_id"), MetricContext::containerId(uid, c->name));
                    labels.insert(QStringLiteral("container_name"), c->name);
                    labels.insert(QStringLiteral("container_namespace"), pod->ns);
                    labels.insert(QStringLiteral("pod_name"), pod->name);
                    for (const bool dynamic : { true, false }) {
                        labels.insert(QStringLiteral("mode"),
                                      dynamic ? QStringLiteral("dynamic") : QStringLiteral("idle"));
                        // The sum family first, as kepler declares it: package + uncore + dram + gpu + other.
                        auto total = std::make_shared<PowerModel>();
                        total->fleet = context.fleet;
                        double factors = 0, idleWatts = 0;
                        for (const Zone &zone : legacyZones()) {
                            if (zone.name != u"core") {
                                factors += zone.factor;
                                idleWatts += zone.idle * idleShare;
                            }
                        }
                        if (dynamic) {
                            for (Term term : power.cpu->terms) {
                                term.k *= factors;
                                total->terms.append(term);
                            }
                            if (power.gpu)
                                total->terms += power.gpu->terms;
                        } else {
                            total->terms.append({ Term::Kind::Constant, idleWatts / share });
                        }
                        labels.insert(QStringLiteral("source"), QStringLiteral("rapl-sysfs"));
                        b.add(QStringLiteral("kepler_container_joules_total"), true,
                              QStringLiteral("Aggregated RAPL Package + Uncore + DRAM + GPU + other host components "
                                             "(platform - package - dram) in joules"),
                              labels, joulesOf(total, share), node.name);
                        for (const Zone &zone : legacyZones()) {
                            auto idle = std::make_shared<PowerModel>();
                            idle->terms.append({ Term::Kind::Constant, zone.idle * idleShare });
                            b.add(QStringLiteral("kepler_container_%1_joules_total").arg(zone.name), true,
                                  QStringLiteral("Aggregated RAPL value in %1 in joules").arg(zone.name), labels,
                                  dynamic ? joulesOf(power.cpu, zone.factor * share) : joulesOf(idle, 1.0), node.name);
                        }
                        if (withGpu) {
                            Prom::Labels gpuLabels = labels;
                            gpuLabels.insert(QStringLiteral("source"), QStringLiteral("nvidia"));
                            auto none = std::make_shared<PowerModel>();
                            const Model gpu = power.gpu && dynamic ? power.gpu : Model(none);
                            b.add(QStringLiteral("kepler_container_gpu_joules_total"), true,
                                  QStringLiteral("Aggregated GPU value in joules"), gpuLabels, joulesOf(gpu, share),
                                  node.name);
                        }
                    }
                }
            }
            continue;
        }

        Prom::Labels info { { QStringLiteral("job"), job }, { QStringLiteral("instance"), instance } };
        info.insert(QStringLiteral("arch"), QStringLiteral("amd64"));
        info.insert(QStringLiteral("branch"), QStringLiteral("main"));
        info.insert(QStringLiteral("goversion"), QStringLiteral("go1.23.10"));
        const QString version = generation == KeplerGeneration::ZonedGpu ? u"v0.11.4"_qs : u"v0.10.0"_qs;
        info.insert(QStringLiteral("revision"), QStringLiteral("3f0ed2a"));
        info.insert(QStringLiteral("version"), version);
        b.add(
            QStringLiteral("kepler_build_info"), false,
            QStringLiteral("A metric with a constant '1' value labeled with version information"), info,
            [](qint64) { return std::optional(1.0); }, node.name);
        for (const Zone &zone : newZones()) {
            Prom::Labels labels = base;
            labels.insert(QStringLiteral("zone"), zone.name);
            labels.insert(QStringLiteral("path"), QStringLiteral("/sys/class/powercap/intel-rapl:0"));
            auto total = std::make_shared<PowerModel>(*nodeCpu);
            for (Term &term : total->terms)
                term.k *= zone.factor;
            total->terms.append({ Term::Kind::Constant, zone.idle });
            b.add(QStringLiteral("kepler_node_cpu_joules_total"), true,
                  QStringLiteral("Energy consumption of cpu at node level in joules"), labels, joulesOf(total, 1.0),
                  node.name);
            b.add(QStringLiteral("kepler_node_cpu_watts"), false,
                  QStringLiteral("Power consumption of cpu at node level in watts"), labels, wattsOf(total, 1.0),
                  node.name);
        }
        if (withGpu) {
            for (const qsizetype d : gpusOf.value(node.name)) {
                const GpuDevice &device = devices[d];
                Prom::Labels labels = base;
                labels.insert(QStringLiteral("gpu"), QString::number(device.index));
                labels.insert(QStringLiteral("gpu_uuid"), device.uuid);
                labels.insert(QStringLiteral("gpu_name"), gpuName(device));
                labels.insert(QStringLiteral("vendor"), QStringLiteral("nvidia"));
                auto model = std::make_shared<PowerModel>();
                model->fleet = context.fleet;
                model->terms.append({ Term::Kind::GpuPower, 1.0, 1, 0, d });
                b.add(QStringLiteral("kepler_node_gpu_joules_total"), true,
                      QStringLiteral("Energy consumption of gpu at node level in joules"), labels, joulesOf(model, 1.0),
                      node.name);
                b.add(QStringLiteral("kepler_node_gpu_watts"), false,
                      QStringLiteral("Total GPU power consumption in watts"), labels, wattsOf(model, 1.0), node.name);
            }
        }
        for (const auto &[pod, power] : std::as_const(powers)) {
            Prom::Labels podLabels = base;
            const QString uid = context.podUid(*pod);
            podLabels.insert(QStringLiteral("pod_id"), uid);
            podLabels.insert(QStringLiteral("pod_name"), pod->name);
            podLabels.insert(QStringLiteral("pod_namespace"), pod->ns);
            podLabels.insert(QStringLiteral("state"), QStringLiteral("running"));
            QList<const ContainerDesc *> containers;
            for (const auto &c : pod->initContainers) {
                if (c.sidecar)
                    containers.append(&c);
            }
            for (const auto &c : pod->containers)
                containers.append(&c);
            const double share = 1.0 / double(std::max<qsizetype>(1, containers.size()));
            for (const Zone &zone : newZones()) {
                Prom::Labels labels = podLabels;
                labels.insert(QStringLiteral("zone"), zone.name);
                b.add(QStringLiteral("kepler_pod_cpu_joules_total"), true,
                      QStringLiteral("Energy consumption of cpu at pod level in joules"), labels,
                      joulesOf(power.cpu, zone.factor), node.name);
                b.add(QStringLiteral("kepler_pod_cpu_watts"), false,
                      QStringLiteral("Power consumption of cpu at pod level in watts"), labels,
                      wattsOf(power.cpu, zone.factor), node.name);
            }
            if (withGpu && power.gpu) {
                b.add(QStringLiteral("kepler_pod_gpu_joules_total"), true,
                      QStringLiteral("Energy consumption of gpu at pod level in joules"), podLabels,
                      joulesOf(power.gpu, 1.0), node.name);
                b.add(QStringLiteral("kepler_pod_gpu_watts"), false,
                      QStringLiteral("Power consumption of gpu at pod level in watts"), podLabels,
                      wattsOf(power.gpu, 1.0), node.name);
            }
            for (const ContainerDesc *c : std::as_const(containers)) {
                Prom::Labels labels = base;
                labels.insert(QStringLiteral("container_id"), MetricContext::containerId(uid, c->name));
                labels.insert(QStringLiteral("container_name"), c->name);
                labels.insert(QStringLiteral("pod_id"), uid);
                labels.insert(QStringLiteral("runtime"), QStringLiteral("containerd"));
                labels.insert(QStringLiteral("state"), QStringLiteral("running"));
                if (withGpu && power.gpu) {
                    b.add(QStringLiteral("kepler_container_gpu_joules_total"), true,
                          QStringLiteral("Energy consumption of gpu at container level in joules"), labels,
                          joulesOf(power.gpu, share), node.name);
                    b.add(QStringLiteral("kepler_container_gpu_watts"), false,
                          QStringLiteral("Power consumption of gpu at container level in watts"), labels,
                          wattsOf(power.gpu, share), node.name);
                }
                for (const Zone &zone : newZones()) {
                    labels.insert(QStringLiteral("zone"), zone.name);
                    b.add(QStringLiteral("kepler_container_cpu_joules_total"), true,
                          QStringLiteral("Energy consumption of cpu at container level in joules"), labels,
                          joulesOf(power.cpu, zone.factor * share), node.name);
                    b.add(QStringLiteral("kepler_container_cpu_watts"), false,
                          QStringLiteral("Power consumption of cpu at container level in watts"), labels,
                          wattsOf(power.cpu, zone.factor * share), node.name);
                }
            }
        }
    }
    b.finish();
}

} // namespace Specula::Sim
