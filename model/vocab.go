package model

// Channels is the built-in list of channels offered as suggestions, before
// whatever the file already uses.
var Channels = []string{
	"website", "app", "e-mail", "social media", "search", "ads", "store",
	"phone", "chat", "SMS", "packaging", "delivery", "word of mouth",
	"review site", "marketplace", "events", "print", "call centre", "in person",
	"product", "billing", "help centre", "community",
}

// EmotionLabels is the built-in list of emotion labels offered as suggestions.
var EmotionLabels = []string{
	"curious", "hopeful", "excited", "delighted", "confident", "relieved",
	"satisfied", "proud", "loyal", "grateful", "calm", "neutral", "unsure",
	"confused", "impatient", "anxious", "frustrated", "annoyed", "overwhelmed",
	"disappointed", "angry", "bored", "sceptical", "surprised", "trusting",
}

// MetricNames is the built-in list of metric names offered as suggestions.
var MetricNames = []string{
	"conversion rate", "click-through rate", "bounce rate", "time on page",
	"NPS", "CSAT", "CES", "churn rate", "retention rate", "repeat purchase rate",
	"average order value", "cart abandonment", "wait time", "first response time",
	"resolution time", "activation rate", "open rate", "return rate",
	"reviews per week", "average rating", "sign-ups", "support tickets",
}
