// SPDX-License-Identifier: GPL-3.0-or-later
#include "sim/faultinjector.h"

namespace Specula::Sim {

void FaultInjector::failWithStatus(int status, int count, int retryAfterSeconds)
{
    m_status = status;
    m_statusCount = count;
    m_retryAfter = retryAfterSeconds;
}

void FaultInjector::clear()
{
    const quint64 epoch = m_continueEpoch;
    *this = FaultInjector();
    m_continueEpoch = epoch; // tokens that expired stay expired
}

FaultInjector::Action FaultInjector::takeNext(int *status, int *retryAfter)
{
    if (m_drop > 0) {
        --m_drop;
        return Action::Drop;
    }
    if (m_truncate > 0) {
        --m_truncate;
        return Action::Truncate;
    }
    if (m_statusCount > 0) {
        --m_statusCount;
        *status = m_status;
        *retryAfter = m_retryAfter;
        return Action::Status;
    }
    if (m_malformed > 0) {
        --m_malformed;
        return Action::MalformedJson;
    }
    return Action::None;
}

bool FaultInjector::takeGoneWatch()
{
    const bool gone = m_goneWatch;
    m_goneWatch = false;
    return gone;
}

bool FaultInjector::apply(const QJsonObject &json, QString *error)
{
    static const QStringList known
        = { u"latencyMs"_qs,  u"dropConnections"_qs, u"truncateBodies"_qs,       u"status"_qs,          u"count"_qs,
            u"retryAfter"_qs, u"malformedJson"_qs,   u"expireContinueTokens"_qs, u"goneOnNextWatch"_qs, u"clear"_qs };
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!known.contains(it.key())) {
            *error = u"unknown fault \"%1\" (known: %2)"_qs.arg(it.key(), known.join(u", "));
            return false;
        }
    }
    if (json.value(u"clear").toBool())
        clear();
    if (json.contains(u"latencyMs"))
        setLatencyMs(json.value(u"latencyMs").toInt());
    if (json.contains(u"dropConnections"))
        dropConnections(json.value(u"dropConnections").toInt());
    if (json.contains(u"truncateBodies"))
        truncateBodies(json.value(u"truncateBodies").toInt());
    if (json.contains(u"status")) {
        const int status = json.value(u"status").toInt();
        if (status < 400 || status > 599) {
            *error = u"status must be an HTTP error status (400-599)"_qs;
            return false;
        }
        failWithStatus(status, json.value(u"count").toInt(1), json.value(u"retryAfter").toInt(1));
    }
    if (json.contains(u"malformedJson"))
        malformJson(json.value(u"malformedJson").toInt());
    if (json.value(u"expireContinueTokens").toBool())
        expireContinueTokens();
    if (json.value(u"goneOnNextWatch").toBool())
        goneOnNextWatch();
    return true;
}

QJsonObject FaultInjector::toJson() const
{
    return { { u"latencyMs"_qs, m_latencyMs },
             { u"dropConnections"_qs, m_drop },
             { u"truncateBodies"_qs, m_truncate },
             { u"status"_qs, m_status },
             { u"count"_qs, m_statusCount },
             { u"retryAfter"_qs, m_retryAfter },
             { u"malformedJson"_qs, m_malformed },
             { u"goneOnNextWatch"_qs, m_goneWatch },
             { u"continueEpoch"_qs, qint64(m_continueEpoch) } };
}

} // namespace Specula::Sim
