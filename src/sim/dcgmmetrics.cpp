// SPDX-License-Identifier: GPL-3.0-or-later
#include "sim/dcgmmetrics.h"

#include <QCryptographicHash>
#include <QtEndian>
#include <cmath>
#include <numbers>

namespace Specula::Sim {

namespace {

// When the simulated GPUs last booted; the energy counter counts from here.
constexpr double kBootTime = 1700000000.0;

quint64 deviceHash(quint64 seed, const GpuDevice &device)
{
    const QByteArray digest = QCryptographicHash::hash(
        QStringLiteral("%1/%2/%3").arg(seed).arg(device.uuid).arg(device.gpuInstanceId).toUtf8(),
        QCryptographicHash::Sha1);
    return qFromBigEndian<quint64>(digest.constData());
}

// load(t) = c + a1·sin(w1·t + p1) + a2·sin(w2·t + p2): a slow and a fast wave, chosen so that
// it stays inside [0, 1] without clamping and its integral (the energy counter) has a closed form.
struct Wave
{
    double c = 0, a1 = 0, a2 = 0, w1 = 0, w2 = 0, p1 = 0, p2 = 0;

    double at(double t) const { return c + a1 * std::sin(w1 * t + p1) + a2 * std::sin(w2 * t + p2); }
    double slow(double t) const { return c + a1 * std::sin(w1 * t + p1); }
    double integral(double from, double to) const
    {
        return c * (to - from) - a1 / w1 * (std::cos(w1 * to + p1) - std::cos(w1 * from + p1))
            - a2 / w2 * (std::cos(w2 * to + p2) - std::cos(w2 * from + p2));
    }
};

bool idleHeld(quint64 h, const GpuDevice &device)
{
    return !device.holders.isEmpty() && (h >> 8) % 4 == 0;
}

Wave wave(quint64 h, const GpuDevice &device)
{
    constexpr double twoPi = 2 * std::numbers::pi;
    Wave w;
    const bool busy = !device.holders.isEmpty() && !idleHeld(h, device);
    if (device.migEnabled) {
        w.c = 0.35, w.a1 = 0.10, w.a2 = 0.05; // the sum of its instances, roughly
    } else if (busy) {
        w.c = 0.72, w.a1 = 0.14, w.a2 = 0.08;
    } else {
        w.c = 0.03, w.a1 = 0.015, w.a2 = 0.01;
    }
    w.w1 = twoPi / double(900 + h % 900);
    w.w2 = twoPi / double(97 + (h >> 16) % 120);
    w.p1 = double((h >> 24) % 1000) / 1000.0 * twoPi;
    w.p2 = double((h >> 40) % 1000) / 1000.0 * twoPi;
    return w;
}

struct ModelFigures
{
    double tdpW;
    double idleW;
    double maxClockMHz;
};

ModelFigures figures(const QString &model)
{
    struct Entry
    {
        const char *key;
        ModelFigures figures;
    };
    static const Entry table[] = {
        { "H100", { 700, 72, 1980 } }, { "A100", { 400, 55, 1410 } }, { "A30", { 165, 32, 1440 } },
        { "T4", { 70, 10, 1590 } },    { "L4", { 72, 16, 2040 } },    { "A16", { 62, 12, 1755 } },
    };
    for (const auto &entry : table) {
        if (model.contains(QLatin1String(entry.key)))
            return entry.figures;
    }
    return { 300, 40, 1500 };
}

double round6(double v)
{
    return std::round(v * 1e6) / 1e6;
}

} // namespace

QList<DcgmMetrics::Field> DcgmMetrics::fields()
{
    return { Field::GpuUtil,      Field::FbUsed,      Field::FbFree,      Field::GpuTemp,
             Field::PowerUsage,   Field::SmClock,     Field::MemCopyUtil, Field::GrEngineActive,
             Field::TensorActive, Field::TotalEnergy, Field::XidErrors };
}

QString DcgmMetrics::name(Field field)
{
    switch (field) {
    case Field::GpuUtil:
        return QStringLiteral("DCGM_FI_DEV_GPU_UTIL");
    case Field::FbUsed:
        return QStringLiteral("DCGM_FI_DEV_FB_USED");
    case Field::FbFree:
        return QStringLiteral("DCGM_FI_DEV_FB_FREE");
    case Field::GpuTemp:
        return QStringLiteral("DCGM_FI_DEV_GPU_TEMP");
    case Field::PowerUsage:
        return QStringLiteral("DCGM_FI_DEV_POWER_USAGE");
    case Field::SmClock:
        return QStringLiteral("DCGM_FI_DEV_SM_CLOCK");
    case Field::MemCopyUtil:
        return QStringLiteral("DCGM_FI_DEV_MEM_COPY_UTIL");
    case Field::GrEngineActive:
        return QStringLiteral("DCGM_FI_PROF_GR_ENGINE_ACTIVE");
    case Field::TensorActive:
        return QStringLiteral("DCGM_FI_PROF_PIPE_TENSOR_ACTIVE");
    case Field::TotalEnergy:
        return QStringLiteral("DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION");
    case Field::XidErrors:
        return QStringLiteral("DCGM_FI_DEV_XID_ERRORS");
    }
    return {};
}

bool DcgmMetrics::isCounter(Field field)
{
    return field == Field::TotalEnergy;
}

bool DcgmMetrics::idleWhileAllocated(quint64 seed, const GpuDevice &device)
{
    return idleHeld(deviceHash(seed, device), device);
}

double DcgmMetrics::load(quint64 seed, const GpuDevice &device, double t)
{
    return wave(deviceHash(seed, device), device).at(t);
}

std::optional<double> DcgmMetrics::value(Field field, quint64 seed, const GpuDevice &device, qint64 t)
{
    const bool instance = device.isInstance();
    const quint64 h = deviceHash(seed, device);
    const Wave w = wave(h, device);
    const double x = double(t);
    const double u = w.at(x);
    const ModelFigures fig = figures(device.modelName);
    switch (field) {
    case Field::GpuUtil:
        if (instance || device.migEnabled)
            return std::nullopt; // unsupported on MIG: GR_ENGINE_ACTIVE is the measure there
        return std::round(100 * u);
    case Field::FbUsed:
    case Field::FbFree: {
        const double used = std::round(device.memoryMiB * (0.005 + 0.85 * w.slow(x)));
        return field == Field::FbUsed ? used : device.memoryMiB - used;
    }
    case Field::GrEngineActive:
        return device.migEnabled ? std::nullopt : std::optional(round6(0.97 * u));
    case Field::TensorActive:
        return device.migEnabled ? std::nullopt : std::optional(round6(0.6 * u));
    case Field::XidErrors:
        return instance ? std::nullopt : std::optional((h % 13 == 0) ? 43.0 : 0.0);
    default:
        break;
    }
    if (instance)
        return std::nullopt; // whole-GPU fields live on the parent's series
    switch (field) {
    case Field::GpuTemp:
        return std::round(32 + 43 * u + double(h % 5));
    case Field::PowerUsage:
        return std::round((fig.idleW + (fig.tdpW - fig.idleW) * u) * 1000) / 1000;
    case Field::SmClock:
        return std::round(210 + (fig.maxClockMHz - 210) * std::min(1.0, u * 1.25));
    case Field::MemCopyUtil:
        return device.migEnabled ? std::nullopt : std::optional(std::round(55 * u));
    case Field::TotalEnergy: {
        const double joules = fig.idleW * (x - kBootTime) + (fig.tdpW - fig.idleW) * w.integral(kBootTime, x);
        return std::floor(joules * 1000);
    }
    default:
        return std::nullopt;
    }
}

bool DcgmMetrics::has(Field field, const GpuDevice &device)
{
    const bool instance = device.isInstance();
    switch (field) {
    case Field::FbUsed:
    case Field::FbFree:
        return true;
    case Field::GpuUtil:
    case Field::MemCopyUtil:
        return !instance && !device.migEnabled;
    case Field::GrEngineActive:
    case Field::TensorActive:
        return !device.migEnabled;
    case Field::XidErrors:
    case Field::GpuTemp:
    case Field::PowerUsage:
    case Field::SmClock:
    case Field::TotalEnergy:
        return !instance;
    }
    return false;
}

double DcgmMetrics::loadIntegral(quint64 seed, const GpuDevice &device, double from, double to)
{
    return wave(deviceHash(seed, device), device).integral(from, to);
}

std::pair<double, double> DcgmMetrics::idleAndMaxWatts(const QString &modelName)
{
    const ModelFigures fig = figures(modelName);
    return { fig.idleW, fig.tdpW };
}

namespace {

// A MIG instance draws its slices' share of the GPU: 7 slices on A100/H100, 4 on A30.
double sliceShare(const GpuDevice &device)
{
    if (!device.isInstance())
        return 1.0;
    const int total = device.modelName.contains(QStringLiteral("A30")) ? 4 : 7;
    return double(std::max(1, device.slices)) / total;
}

} // namespace

double DcgmMetrics::powerWatts(quint64 seed, const GpuDevice &device, double t)
{
    const ModelFigures fig = figures(device.modelName);
    const double share = sliceShare(device);
    return share * (fig.idleW + (fig.tdpW - fig.idleW) * load(seed, device, t));
}

double DcgmMetrics::energyJoules(quint64 seed, const GpuDevice &device, double from, double to)
{
    const ModelFigures fig = figures(device.modelName);
    const double share = sliceShare(device);
    return share * (fig.idleW * (to - from) + (fig.tdpW - fig.idleW) * loadIntegral(seed, device, from, to));
}

std::optional<double> DcgmMetrics::blankValue(Field field, const GpuDevice &device)
{
    const bool mig = device.migEnabled || device.isInstance();
    switch (field) {
    case Field::GpuUtil:
    case Field::MemCopyUtil:
        return mig ? std::optional(kInt64NotSupported) : std::nullopt;
    case Field::GrEngineActive:
    case Field::TensorActive:
        return device.migEnabled ? std::optional(kFp64NotSupported) : std::nullopt;
    default:
        return std::nullopt;
    }
}

QList<std::pair<QString, QString>> DcgmMetrics::labels(const GpuDevice &device, const GpuHolder *holder)
{
    QList<std::pair<QString, QString>> result {
        { QStringLiteral("gpu"), QString::number(device.index) },
        { QStringLiteral("UUID"), device.uuid },
        { QStringLiteral("pci_bus_id"), device.pciBusId },
        { QStringLiteral("device"), QStringLiteral("nvidia%1").arg(device.index) },
        { QStringLiteral("modelName"), device.modelName },
    };
    if (device.isInstance()) {
        result.append({ QStringLiteral("GPU_I_PROFILE"), device.migProfile });
        result.append({ QStringLiteral("GPU_I_ID"), QString::number(device.gpuInstanceId) });
    }
    result.append({ QStringLiteral("Hostname"), device.node });
    result.append({ QStringLiteral("DCGM_FI_DRIVER_VERSION"), device.driverVersion });
    if (holder) {
        result.append({ QStringLiteral("container"), holder->container });
        result.append({ QStringLiteral("namespace"), holder->ns });
        result.append({ QStringLiteral("pod"), holder->pod });
    }
    return result;
}

QList<std::pair<QString, QString>> DcgmMetrics::labels(const GpuDevice &device, const GpuHolder *holder,
                                                       const DcgmDialect &dialect, const QString &exporterPod)
{
    using Node = DcgmDialect::NodeLabel;
    using Pods = DcgmDialect::PodLabels;
    QList<std::pair<QString, QString>> result {
        { QStringLiteral("gpu"), QString::number(device.index) },
        { dialect.lowerCaseUuid ? QStringLiteral("uuid") : QStringLiteral("UUID"), device.uuid },
        { QStringLiteral("pci_bus_id"), device.pciBusId },
        { QStringLiteral("device"), QStringLiteral("nvidia%1").arg(device.index) },
        { QStringLiteral("modelName"), device.modelName },
    };
    if (device.isInstance()) {
        result.append({ QStringLiteral("GPU_I_PROFILE"), device.migProfile });
        result.append({ QStringLiteral("GPU_I_ID"), QString::number(device.gpuInstanceId) });
    }
    const QString host = dialect.hostnameIsPod ? exporterPod : device.node;
    switch (dialect.nodeLabel) {
    case Node::Hostname:
        result.append({ QStringLiteral("Hostname"), host });
        break;
    case Node::LowerHostname:
        result.append({ QStringLiteral("hostname"), host });
        break;
    case Node::Node:
        result.append({ QStringLiteral("node"), device.node });
        break;
    case Node::None:
        break;
    }
    result.append({ QStringLiteral("DCGM_FI_DRIVER_VERSION"), device.driverVersion });
    if (holder || dialect.emptyPodLabels) {
        const GpuHolder none;
        const GpuHolder &h = holder ? *holder : none;
        // The exporter itself always prints pod/namespace/container (or the old *_name set); the
        // exported_ prefix is what Prometheus makes of them (MetricSet).
        if (dialect.podLabels == Pods::PodName) {
            result.append({ QStringLiteral("container_name"), h.container });
            result.append({ QStringLiteral("pod_namespace"), h.ns });
            result.append({ QStringLiteral("pod_name"), h.pod });
        } else {
            result.append({ QStringLiteral("container"), h.container });
            result.append({ QStringLiteral("namespace"), h.ns });
            result.append({ QStringLiteral("pod"), h.pod });
        }
    }
    return result;
}

} // namespace Specula::Sim
