// SPDX-License-Identifier: GPL-3.0-or-later
#include "prom/dialectprobe.h"

#include "prom/promclient.h"
#include "prom/promjob.h"

#include <QSet>

namespace Specula::Prom {

namespace {

const QString dcgmMatcher = QStringLiteral("{__name__=~\"DCGM_FI_.*|dcgm_fi_.*\"}");

} // namespace

DialectProbe::DialectProbe(PromClient *client, QStringList nodeNames, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_nodeNames(std::move(nodeNames))
{
    qRegisterMetaType<Dialect>();
    qRegisterMetaType<Core::Error>();
}

DialectProbe::~DialectProbe()
{
    for (const QPointer<PromJob> &job : std::as_const(m_jobs)) {
        if (job)
            job->cancel();
    }
}

QString DialectProbe::familiesMatcher()
{
    return QStringLiteral("{__name__=~\"DCGM_FI_.*|dcgm_fi_.*|kepler_.*|container_cpu_usage_seconds_total"
                          "|container_memory_working_set_bytes|container_network_(receive|transmit)_bytes_total"
                          "|kube_pod_info|kube_pod_container_resource_requests|sriov_.*\"}");
}

QStringList DialectProbe::familiesToInspect(const QStringList &families)
{
    // The dcgm families the catalogue reads (their label names are what varies) and
    // sriov_kubepoddevice (pod or exported_pod). Kepler's generation shows in its family names.
    QSet<QString> wanted;
    static const QStringList dcgmFamilies = {
        QStringLiteral("DCGM_FI_DEV_GPU_UTIL"),
        QStringLiteral("DCGM_FI_DEV_FB_USED"),
        QStringLiteral("DCGM_FI_DEV_FB_FREE"),
        QStringLiteral("DCGM_FI_DEV_GPU_TEMP"),
        QStringLiteral("DCGM_FI_DEV_POWER_USAGE"),
        QStringLiteral("DCGM_FI_DEV_SM_CLOCK"),
        QStringLiteral("DCGM_FI_DEV_MEM_COPY_UTIL"),
        QStringLiteral("DCGM_FI_PROF_GR_ENGINE_ACTIVE"),
        QStringLiteral("DCGM_FI_PROF_PIPE_TENSOR_ACTIVE"),
        QStringLiteral("DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION"),
        QStringLiteral("DCGM_FI_DEV_XID_ERRORS"),
    };
    for (const QString &family : dcgmFamilies)
        wanted << family << family.toLower();
    wanted << QStringLiteral("sriov_kubepoddevice");
    QStringList result;
    for (const QString &family : families) {
        if (wanted.contains(family) && !result.contains(family))
            result << family;
    }
    return result;
}

void DialectProbe::track(PromJob *job)
{
    m_jobs.removeAll(nullptr);
    m_jobs.append(job);
    connect(job, &PromJob::failed, this, &DialectProbe::fail);
}

void DialectProbe::start()
{
    if (m_running)
        return;
    if (!m_client) {
        Core::Error error;
        error.kind = Core::Error::Kind::Cancelled;
        error.message = QStringLiteral("the Prometheus connection is gone");
        Q_EMIT failed(error);
        return;
    }
    m_running = true;
    m_families.clear();
    m_labelNames.clear();
    PromJob *job = m_client->labelValues(QStringLiteral("__name__"), { familiesMatcher() });
    track(job);
    connect(job, &PromJob::finished, this, [this](const PromResponse &response) { onFamilies(response.names); });
}

void DialectProbe::onFamilies(const QStringList &families)
{
    if (!m_running)
        return;
    m_families = families;
    const QStringList inspect = familiesToInspect(families);
    if (inspect.isEmpty() || !m_client) {
        finish({});
        return;
    }
    m_pending = int(inspect.size());
    for (const QString &family : inspect) {
        PromJob *job = m_client->labels({ family });
        track(job);
        connect(job, &PromJob::finished, this,
                [this, family](const PromResponse &response) { onLabelNames(family, response.names); });
    }
}

void DialectProbe::onLabelNames(const QString &family, const QStringList &names)
{
    if (!m_running)
        return;
    m_labelNames.insert(family, names);
    if (--m_pending == 0)
        askHostnames();
}

void DialectProbe::askHostnames()
{
    // Only Hostname/hostname can name exporter pods instead of nodes; their values tell.
    QString hostnameLabel;
    for (auto it = m_labelNames.cbegin(); it != m_labelNames.cend(); ++it) {
        if (it.key() == u"sriov_kubepoddevice")
            continue;
        if (it.value().contains(QStringLiteral("Hostname")))
            hostnameLabel = QStringLiteral("Hostname");
        else if (hostnameLabel.isEmpty() && it.value().contains(QStringLiteral("hostname")))
            hostnameLabel = QStringLiteral("hostname");
    }
    if (hostnameLabel.isEmpty() || !m_client) {
        finish({});
        return;
    }
    PromJob *job = m_client->labelValues(hostnameLabel, { dcgmMatcher });
    track(job);
    connect(job, &PromJob::finished, this, [this](const PromResponse &response) { finish(response.names); });
}

void DialectProbe::finish(const QStringList &hostnameValues)
{
    if (!m_running)
        return;
    m_running = false;
    Q_EMIT finished(Dialect::detect(m_families, m_labelNames, hostnameValues, m_nodeNames));
}

void DialectProbe::fail(const Core::Error &error)
{
    if (!m_running)
        return;
    m_running = false;
    for (const QPointer<PromJob> &job : std::as_const(m_jobs)) {
        if (job)
            job->cancel();
    }
    m_jobs.clear();
    Q_EMIT failed(error);
}

} // namespace Specula::Prom
