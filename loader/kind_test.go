package loader

import "testing"

func TestClassify(t *testing.T) {
	tests := []struct {
		text  string
		first bool
		want  Kind
	}{
		{"Officials said the toll could rise.", false, KindBody},
		{"Officials said the toll could rise.", true, KindBody},
		{"Quake Kills Hundreds in Iran", true, KindTitle},
		{"Rescue efforts", false, KindSubheading},
		{"rescue workers in the rubble", false, KindCaption},
		{"Rescuers dig through the rubble in Varzaqan. (AP Photo/Vahid Salemi)", false, KindCaption},
		{"A girl waits at a shelter. (Getty Images)", false, KindCaption},
		{"FILE - Rescuers in Bam in 2003.", false, KindCaption},
		{"He told the council (which met on Monday) that the plan had failed.", false, KindBody},
		{"ADVERTISEMENT", false, KindBoilerplate},
		{"Advertisement", false, KindBoilerplate},
		{"Sign up for our daily newsletter", false, KindBoilerplate},
		{"Read more: Iran's deadliest quakes", false, KindBoilerplate},
		{"Share this article", false, KindBoilerplate},
		{"By Jane Doe and John Roe", false, KindBoilerplate},
		{"Jane Doe can be reached at jane@example.com.", false, KindBoilerplate},
		{"Additional reporting by Jon Park in Seoul; editing by Ann Lee", false, KindBoilerplate},
		{"Copyright 2024 The Associated Press. All rights reserved.", false, KindBoilerplate},
		{"More than 40 attacks have been reported since January, and more are feared by officials in the region who spoke on condition of anonymity to reporters on Sunday.", false, KindBody},
		{"Kirby added, as per Fox News:", false, KindBody},
		{"Early Friday morning the actress checked into a clinic in Rancho Mirage, Calif,", false, KindBody},
		{"June 06, 2013", false, KindBoilerplate},
		{"Fri., May. 3, 2013 11:45 AM PDT", false, KindBoilerplate},
		{"Updated: 2013-06-06 10:00", false, KindBoilerplate},
		{"May 2013 Was a Wet Month", true, KindTitle},
	}
	for _, tt := range tests {
		if got := Classify(tt.text, tt.first); got != tt.want {
			t.Errorf("Classify(%q, %v) = %s, want %s", tt.text, tt.first, got, tt.want)
		}
	}
}
